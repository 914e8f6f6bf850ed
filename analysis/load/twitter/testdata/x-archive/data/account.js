window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "alice@example.org",
      "createdVia" : "web",
      "username" : "doc_alice",
      "accountId" : "100001",
      "createdAt" : "2012-01-01T10:00:00.000Z",
      "accountDisplayName" : "Alice M."
    }
  }
]