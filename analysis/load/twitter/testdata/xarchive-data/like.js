window.YTD.like.part0 = [
  {
    "like" : {
      "tweetId" : "1620000000000000101",
      "fullText" : "Pas de garde ce week-end, enfin #MG",
      "expandedUrl" : "https://twitter.com/i/web/status/1620000000000000101"
    }
  },
  {
    "like" : {
      "tweetId" : "1620000000000000102",
      "fullText" : "You’re unable to view this Tweet because this account owner limits who can view their Tweets. {learnmore}",
      "expandedUrl" : "https://twitter.com/i/web/status/1620000000000000102"
    }
  }
]
