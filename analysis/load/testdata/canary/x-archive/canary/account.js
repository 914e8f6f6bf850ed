window.YTD.account.part0 = [
  {
    "account": {
      "email": "zquill_canary@gmail.com",
      "createdVia": "web",
      "username": "zquill_canary",
      "accountId": "9990001",
      "createdAt": "2012-01-01T10:00:00.000Z",
      "accountDisplayName": "Z\u00e9phyrine Quillbottom"
    }
  }
]
