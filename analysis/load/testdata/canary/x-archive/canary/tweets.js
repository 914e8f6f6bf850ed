window.YTD.tweets.part0 = [
  {
    "tweet": {
      "retweeted": false,
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [],
        "urls": []
      },
      "favorite_count": "1",
      "id_str": "1500000000000000101",
      "truncated": false,
      "retweet_count": "0",
      "id": "1500000000000000101",
      "created_at": "Sat Mar 05 06:47:23 +0000 2022",
      "favorited": false,
      "full_text": "Garde de nuit #DocTocToc",
      "lang": "fr"
    }
  }
]
