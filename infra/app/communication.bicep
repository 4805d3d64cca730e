// Azure Communication Services: sends the pre-expiry SMS reminders (ACS SMS REST API). The function app calls it
// with a Microsoft Entra token of its user-assigned identity (scope https://communication.azure.com//.default), so no
// access key leaves the resource. Communication Services is a global resource; dataLocation decides where data rests.

@description('Name of the Communication Services resource.')
param name string

@description('Where Communication Services stores data at rest, e.g. "Asia Pacific", "United States", "Europe".')
param dataLocation string

@description('Tags applied to the resource.')
param tags object

@description('Principal id of the function app identity (gets Contributor on this resource only, the role the Communication Services Entra ID quickstart grants).')
param identityPrincipalId string

// Contributor
var contributorRoleId = 'b24988ac-6180-42a0-ab88-20f7382dd24c'

resource communication 'Microsoft.Communication/communicationServices@2026-03-18' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource identitySender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communication.id, identityPrincipalId, contributorRoleId)
  scope: communication
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', contributorRoleId)
  }
}

output name string = communication.name
output endpoint string = 'https://${communication.properties.hostName}'
