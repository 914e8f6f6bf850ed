window.YTD.note_tweet.part0 = [
  {
    "noteTweet" : {
      "noteTweetId" : "1620000000000000900",
      "updatedAt" : "2023-01-30T09:00:00.000Z",
      "lifecycle" : {
        "value" : "0",
        "name" : "Create",
        "originalValue" : "0",
        "annotations" : { }
      },
      "createdAt" : "2023-01-30T09:00:00.000Z",
      "core" : {
        "styletags" : [ ],
        "urls" : [ ],
        "text" : "Un long texte sur la permanence des soins, bien au-delà des 280 caractères d'un tweet ordinaire.",
        "mentions" : [ ],
        "cashtags" : [ ],
        "hashtags" : [ ]
      }
    }
  }
]
