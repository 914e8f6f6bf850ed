window.YTD.tweets.part0 = [ {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1500000000000000001"
        ],
        "editableUntil" : "2022-03-05T22:14:07.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : true
      }
    },
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
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1500000000000000030"
        ],
        "editableUntil" : "2022-03-05T22:14:07.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : true
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {
      "hashtags" : [],
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
      "urls" : []
    },
    "display_text_range" : [
      "0",
      "20"
    ],
    "favorite_count" : "1 040",
    "id_str" : "1500000000000000030",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1500000000000000030",
    "created_at" : "Sun Mar 06 07:45:00 +0000 2022",
    "favorited" : false,
    "full_text" : "@dr_bob oui, pareil ici",
    "lang" : "fr",
    "in_reply_to_status_id_str" : "1500000000000000004",
    "in_reply_to_status_id" : "1500000000000000004",
    "in_reply_to_user_id" : "100002",
    "in_reply_to_user_id_str" : "100002",
    "in_reply_to_screen_name" : "dr_bob"
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1500000000000000031"
        ],
        "editableUntil" : "2022-03-05T22:14:07.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : true
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {
      "hashtags" : [],
      "symbols" : [],
      "user_mentions" : [
        {
          "name" : "Carla",
          "screen_name" : "gp_carla",
          "indices" : [
            "0",
            "10"
          ],
          "id_str" : "100003",
          "id" : "100003"
        }
      ],
      "urls" : []
    },
    "display_text_range" : [
      "0",
      "20"
    ],
    "favorite_count" : "0",
    "id_str" : "1500000000000000031",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1500000000000000031",
    "created_at" : "Sun Mar 06 08:10:00 +0000 2022",
    "favorited" : false,
    "full_text" : "RT @gp_carla: Tellement vrai",
    "lang" : "fr"
  }
}, {
  "tweet" : {
    "id_str" : "1500000000000000032",
    "created_at" : Sun Mar 06 08:20:00 +0000 2022
  }
}, {
  "tweet" : {
    "edit_info" : {
      "initial" : {
        "editTweetIds" : [
          "1500000000000000033"
        ],
        "editableUntil" : "2022-03-05T22:14:07.000Z",
        "editsRemaining" : "5",
        "isEditEligible" : true
      }
    },
    "retweeted" : false,
    "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
    "entities" : {
      "hashtags" : [],
      "symbols" : [],
      "user_mentions" : [],
      "urls" : []
    },
    "display_text_range" : [
      "0",
      "20"
    ],
    "favorite_count" : "beaucoup",
    "id_str" : "1500000000000000033",
    "truncated" : false,
    "retweet_count" : "0",
    "id" : "1500000000000000033",
    "created_at" : "Sun Mar 06 08:30:00 +0000 2022",
    "favorited" : false,
    "full_text" : "compte illisible",
    "lang" : "fr"
  }
}, {
  "like" : {
    "tweetId" : "1",
    "fullText" : "pas un tweet"
  }
} ]