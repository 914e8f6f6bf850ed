window.YTD.account.part0 = [
  {
    "account": {
      "email": "odile_autre@gmail.com",
      "createdVia": "web",
      "username": "odile_autre",
      "accountId": "9990002",
      "createdAt": "2012-01-01T10:00:00.000Z",
      "accountDisplayName": "Odile Autrepersonne"
    }
  }
]
