window.YTD.tweet_headers.part0 = [
  {
    "tweet" : {
      "tweet_id" : "1620000000000000001",
      "user_id" : "200001",
      "created_at" : "Mon Jan 30 07:45:00 +0000 2023"
    }
  },
  {
    "tweet" : {
      "tweet_id" : "1620000000000000002",
      "user_id" : "200001",
      "created_at" : "Mon Jan 30 08:02:13 +0000 2023"
    }
  }
]
