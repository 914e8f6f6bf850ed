window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1620000000000000001"
          ],
          "editableUntil" : "2023-01-30T08:15:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "MG",
            "indices" : [
              "31",
              "34"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "34"
      ],
      "favorite_count" : "4",
      "id_str" : "1620000000000000001",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1620000000000000001",
      "created_at" : "Mon Jan 30 07:45:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Salle d'attente pleine dès 7h. #MG",
      "lang" : "fr"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1620000000000000002"
          ],
          "editableUntil" : "2023-01-30T08:32:13.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Pédiatre de garde",
            "screen_name" : "ped_garde",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "200002",
            "id" : "200002"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "27"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1619990000000000000",
      "id_str" : "1620000000000000002",
      "in_reply_to_user_id" : "200002",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1620000000000000002",
      "in_reply_to_status_id" : "1619990000000000000",
      "created_at" : "Mon Jan 30 08:02:13 +0000 2023",
      "favorited" : false,
      "full_text" : "@ped_garde merci pour l'avis",
      "lang" : "fr",
      "in_reply_to_screen_name" : "ped_garde",
      "in_reply_to_user_id_str" : "200002"
    }
  }
]
