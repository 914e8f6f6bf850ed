window.YTD.tweet.part0 = [
  {
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {
      "hashtags" : [
        {
          "text" : "DocTocToc",
          "indices" : [
            "14",
            "24"
          ]
        }
      ],
      "symbols" : [],
      "user_mentions" : [
        {
          "name" : "Bob",
          "screen_name" : "dr_bob",
          "indices" : [
            "0",
            "10"
          ],
          "id_str" : "100002",
          "id" : "100002"
        }
      ],
      "urls" : [
        {
          "url" : "https://t.co/abc",
          "expanded_url" : "https://example.org/garde",
          "display_url" : "example.org/garde",
          "indices" : [
            "33",
            "49"
          ]
        }
      ]
    },
    "display_text_range" : [
      "0",
      "20"
    ],
    "favorite_count" : "5",
    "id_str" : "1500000000000000001",
    "truncated" : false,
    "retweet_count" : "2",
    "id" : "1500000000000000001",
    "created_at" : "Sat Mar 05 21:14:07 +0000 2022",
    "favorited" : false,
    "full_text" : "Garde de nuit #DocTocToc @dr_bob https://t.co/abc",
    "lang" : "fr"
  }
]