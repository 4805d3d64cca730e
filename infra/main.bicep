// Loyalty Functions: infrastructure for `azd up`.
// Subscription-scoped entry point: creates the resource group and deploys app/*.bicep into it.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds every resource name.')
param environmentName string

// Regions that offer the Flex Consumption plan (FC1), the list of the official Flex Consumption azd sample
// (Azure-Samples/functions-quickstart-dotnet-azd) without its early-access canary region. azd offers only these when
// it asks for a location, and a deployment to any other region is refused before anything is created.
@minLength(1)
@description('Primary Azure region for all resources; it must offer the Flex Consumption plan.')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying principal (AZURE_PRINCIPAL_ID). It gets the same data roles as the app so local development against the cloud resources works, and can read the Key Vault secrets. Empty to skip.')
param principalId string = ''

@description('Kind of the deploying principal (AZURE_PRINCIPAL_TYPE, set by azd from the login): User after `azd auth login`, ServicePrincipal after `azd auth login --client-id` or in CI.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string

@description('Where Azure Communication Services stores data at rest.')
param communicationDataLocation string = 'Asia Pacific'

@description('SMS sender: an E.164 number or an alphanumeric sender id acquired in Communication Services.')
param smsFrom string = ''

@secure()
@minLength(16)
@description('Bootstrap secret (Key Vault secret BootstrapSecret); the app refuses one shorter than 16 characters. The azure.yaml preup/preprovision hook generates it once into LOYALTY_BOOTSTRAP_SECRET unless you set it.')
param bootstrapSecret string

@secure()
@minLength(24)
@description('Base64 key for the keyed hash of phone numbers (Key Vault secret Security--PhoneHashKey). The azure.yaml preup/preprovision hook generates it once into LOYALTY_PHONE_HASH_KEY, or points LOYALTY_PHONE_HASH_KEY at the existing vault secret so azd reads it from there; it must stay the same for the life of the environment.')
param phoneHashKey string

@secure()
@minLength(46)
@description('Key ring that encrypts personal fields at rest (Key Vault secret Security--FieldKeys): id:base64 of 32 bytes, several separated by ";", the first encrypting. The azure.yaml preup/preprovision hook generates one key into LOYALTY_FIELD_KEYS, or points LOYALTY_FIELD_KEYS at the existing vault secret; rotate by putting a new key first and keeping the old ones.')
param fieldKeys string

@description('Maximum number of Flex Consumption instances.')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 100

@description('Memory of each Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var accrualQueueName = 'accrual'
var topicName = 'loyalty-events'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'deployment-package'
    queueNames: [
      accrualQueueName
      '${accrualQueueName}-poison'
    ]
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module serviceBus 'app/servicebus.bicep' = {
  name: 'servicebus'
  scope: rg
  params: {
    name: 'sb-${resourceToken}'
    location: location
    tags: tags
    topicName: topicName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module communication 'app/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    name: 'acs-${resourceToken}'
    dataLocation: communicationDataLocation
    tags: tags
    identityPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
    bootstrapSecret: bootstrapSecret
    phoneHashKey: phoneHashKey
    fieldKeys: fieldKeys
  }
}

module function 'app/function.bicep' = {
  name: 'function'
  scope: rg
  params: {
    planName: 'plan-${resourceToken}'
    functionAppName: 'func-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    accrualQueueName: accrualQueueName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    serviceBusTopicName: serviceBus.outputs.topicName
    communicationEndpoint: communication.outputs.endpoint
    smsFrom: smsFrom
    bootstrapSecretUri: keyVault.outputs.bootstrapUri
    phoneHashKeySecretUri: keyVault.outputs.phoneHashKeyUri
    fieldKeysSecretUri: keyVault.outputs.fieldKeysUri
    maximumInstanceCount: functionMaximumInstanceCount
    instanceMemoryMB: functionInstanceMemoryMB
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = function.outputs.name
output AZURE_FUNCTION_URI string = function.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_STORAGE_ACCRUAL_QUEUE string = accrualQueueName
output AZURE_SERVICEBUS_NAMESPACE string = serviceBus.outputs.name
output AZURE_SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output AZURE_SERVICEBUS_TOPIC_NAME string = serviceBus.outputs.topicName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_COMMUNICATION_ENDPOINT string = communication.outputs.endpoint
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString
