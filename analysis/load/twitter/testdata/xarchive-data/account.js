window.YTD.account.part0 = [
  {
    "account" : {
      "email" : "zoe@example.org",
      "createdVia" : "web",
      "username" : "dr_zoe_gp",
      "accountId" : "200001",
      "createdAt" : "2013-05-02T08:11:40.000Z",
      "accountDisplayName" : "Zoé Généraliste"
    }
  }
]
