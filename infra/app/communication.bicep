// Azure Communication Services: sends the pre-expiry SMS reminders (ACS SMS REST API, HMAC auth).
// Communication Services is a global resource; dataLocation decides where data rests.

@description('Name of the Communication Services resource.')
param name string

@description('Where Communication Services stores data at rest, e.g. "Asia Pacific", "United States", "Europe".')
param dataLocation string

@description('Tags applied to the resource.')
param tags object

resource communication 'Microsoft.Communication/communicationServices@2026-03-18' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

output name string = communication.name
output endpoint string = 'https://${communication.properties.hostName}'
