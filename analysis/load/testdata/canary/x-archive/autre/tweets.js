window.YTD.tweets.part0 = [
  {
    "tweet": {
      "retweeted": false,
      "entities": {
        "hashtags": [],
        "symbols": [],
        "user_mentions": [
          {
            "name": "Z\u00e9phyrine Quillbottom",
            "screen_name": "zquill_canary",
            "indices": [
              "0",
              "14"
            ],
            "id_str": "9990001",
            "id": "9990001"
          }
        ],
        "urls": []
      },
      "favorite_count": "1",
      "id_str": "1500000000000000202",
      "truncated": false,
      "retweet_count": "0",
      "id": "1500000000000000202",
      "created_at": "Sat Mar 05 06:47:23 +0000 2022",
      "favorited": false,
      "full_text": "@zquill_canary Merci Z\u00e9phyrine Quillbottom, Zephyrine Quillbottom et ZEPHYRINE QUILLBOTTOM !\nZephyrine\nQuillbottom\nQuillbottom, Zephyrine ; Z. Quillbottom ; QUILLBOTTOM Zephyrine ; ZephyrineQuillbottom.\ncc @zquill_canary #zquill_canary zquill_canary, \u00e9crire \u00e0 zquill_canary@gmail.com\nhttps://twitter.com/intent/user?screen_name=zquill_canary %40zquill_canary\n@zquill\u200b_canary @zquill\u200c_canary @zquill\u200d_canary @zquill\u2060_canary @zquill\ufeff_canary @zquill\u00ad_canary\n@ zquill_canary https://mobile.twitter.com/zquill_canary https%3A%2F%2Fx.com%2Fzquill_canary\nhttps://m.facebook.com/zquill.canary",
      "lang": "fr",
      "in_reply_to_status_id_str": "1500000000000000101",
      "in_reply_to_status_id": "1500000000000000101",
      "in_reply_to_user_id": "9990001",
      "in_reply_to_user_id_str": "9990001",
      "in_reply_to_screen_name": "zquill_canary"
    }
  }
]
