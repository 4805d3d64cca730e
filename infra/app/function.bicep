// Flex Consumption plan + function app (.NET 10 isolated worker). Every connection is identity-based
// through the user-assigned identity: no connection string or key is stored in app settings, and
// secrets come from Key Vault references.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app.')
param functionAppName string

@description('Azure region for the plan and the app.')
param location string

@description('Tags applied to the plan; the app also gets azd-service-name.')
param tags object

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Name of the storage account (host storage, deployment package, app data).')
param storageAccountName string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Name of the storage queue that feeds accrual processing.')
param accrualQueueName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Fully qualified Service Bus namespace, e.g. sb-x.servicebus.windows.net.')
param serviceBusFullyQualifiedNamespace string

@description('Service Bus topic for loyalty events.')
param serviceBusTopicName string

@description('Communication Services endpoint, https://<host>.')
param communicationEndpoint string

@description('SMS sender: an E.164 number or an alphanumeric sender id.')
param smsFrom string

@description('Key Vault secret URI of the bootstrap secret.')
param bootstrapSecretUri string

@description('Key Vault secret URI of the phone number hash key.')
param phoneHashKeySecretUri string

@description('Key Vault secret URI of the field encryption key ring.')
param fieldKeysSecretUri string

@description('Maximum number of instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

resource storage 'Microsoft.Storage/storageAccounts@2026-09-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Functions host storage (Durable Task hub, timers, blob leases): identity-based.
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.properties.primaryEndpoints.blob }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        // The app's own data: ledger tables and the accrual queue.
        { name: 'LoyaltyStorage__credential', value: 'managedidentity' }
        { name: 'LoyaltyStorage__clientId', value: identityClientId }
        { name: 'LoyaltyStorage__tableServiceUri', value: storage.properties.primaryEndpoints.table }
        { name: 'LoyaltyStorage__queueServiceUri', value: storage.properties.primaryEndpoints.queue }
        { name: 'AccrualQueueName', value: accrualQueueName }
        // Outbound loyalty events.
        { name: 'ServiceBus__fullyQualifiedNamespace', value: serviceBusFullyQualifiedNamespace }
        { name: 'ServiceBus__credential', value: 'managedidentity' }
        { name: 'ServiceBus__clientId', value: identityClientId }
        { name: 'ServiceBus__TopicName', value: serviceBusTopicName }
        // SMS through Azure Communication Services with a Microsoft Entra token of the identity (its role is on the
        // resource, see communication.bicep): no access key is deployed or kept anywhere.
        { name: 'Sms__Endpoint', value: communicationEndpoint }
        { name: 'Sms__credential', value: 'managedidentity' }
        { name: 'Sms__clientId', value: identityClientId }
        { name: 'Sms__From', value: smsFrom }
        // Webhook verification and bootstrap secrets.
        { name: 'Bootstrap__Secret', value: '@Microsoft.KeyVault(SecretUri=${bootstrapSecretUri})' }
        // Keyed hash of phone numbers for lookups: a stable random key (see the preprovision hook in azure.yaml).
        { name: 'Security__PhoneHashKey', value: '@Microsoft.KeyVault(SecretUri=${phoneHashKeySecretUri})' }
        // AES-256-GCM key ring for names, phone numbers and birthdays at rest.
        { name: 'Security__FieldKeys', value: '@Microsoft.KeyVault(SecretUri=${fieldKeysSecretUri})' }
        // Telemetry with Entra ID auth (Application Insights local auth is disabled).
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
      ]
    }
  }
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'
