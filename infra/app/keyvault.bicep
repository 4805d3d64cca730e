// Key Vault (RBAC authorization, soft delete, purge protection) holding the app's secrets.
// The function app reads them through Key Vault references resolved with its user-assigned identity.

@description('Name of the Key Vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region for the vault.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Principal id of the function app identity (gets Key Vault Secrets User).')
param identityPrincipalId string

@description('Object id of the deploying principal; empty to skip the user role assignment.')
param userPrincipalId string

@description('Kind of the deploying principal: User or ServicePrincipal.')
@allowed([
  'User'
  'ServicePrincipal'
])
param userPrincipalType string

@secure()
@description('Secret that authorizes creating the first admin API key.')
param bootstrapSecret string

@secure()
@description('Base64 key of the keyed hash of phone numbers. It must never change once members exist: their phone lookups depend on it.')
param phoneHashKey string

@secure()
@description('Key ring that encrypts names, phone numbers and birthdays at rest (AES-256-GCM): id:base64 entries separated by ";", the first encrypting. Rotate by putting a new key first; keep the old ones while stored values name them.')
param fieldKeys string

// Key Vault Secrets User
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource bootstrap 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'BootstrapSecret'
  properties: {
    value: bootstrapSecret
    contentType: 'Bootstrap secret'
  }
}

resource phoneHash 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'Security--PhoneHashKey'
  properties: {
    value: phoneHashKey
    contentType: 'Base64 HMAC key for phone number lookups'
  }
}

resource fieldKeysSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'Security--FieldKeys'
  properties: {
    value: fieldKeys
    contentType: 'AES-256 key ring for personal fields (id:base64;...)'
  }
}

resource identitySecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identityPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

resource userSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  name: guid(vault.id, userPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    principalId: userPrincipalId
    principalType: userPrincipalType
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
  }
}

// Unversioned secret URIs: the app always resolves the latest version.
output name string = vault.name
output uri string = vault.properties.vaultUri
output bootstrapUri string = bootstrap.properties.secretUri
output phoneHashKeyUri string = phoneHash.properties.secretUri
output fieldKeysUri string = fieldKeysSecret.properties.secretUri
