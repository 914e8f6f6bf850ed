window.__THAR_CONFIG = {
  "userInfo" : {
    "accountId" : "200001",
    "userName" : "dr_zoe_gp",
    "displayName" : "Zoé Généraliste"
  },
  "archiveInfo" : {
    "sizeBytes" : "48211",
    "generationDate" : "2023-02-10T09:30:12.000Z",
    "isPartialArchive" : false,
    "maxPartSizeBytes" : "53687091200"
  },
  "readmeInfo" : {
    "fileName" : "data/README.txt",
    "directory" : "data/",
    "name" : "README.txt"
  },
  "dataTypes" : {
    "account" : {
      "files" : [ {
        "fileName" : "data/account.js",
        "globalName" : "YTD.account.part0",
        "count" : "1"
      } ]
    },
    "like" : {
      "files" : [ {
        "fileName" : "data/like.js",
        "globalName" : "YTD.like.part0",
        "count" : "2"
      } ]
    },
    "tweetHeaders" : {
      "files" : [ {
        "fileName" : "data/tweet-headers.js",
        "globalName" : "YTD.tweet_headers.part0",
        "count" : "2"
      } ]
    },
    "tweets" : {
      "mediaDirectory" : "data/tweets_media",
      "files" : [ {
        "fileName" : "data/tweets.js",
        "globalName" : "YTD.tweets.part0",
        "count" : "2"
      } ]
    }
  }
}
