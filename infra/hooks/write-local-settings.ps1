# azd `postprovision` hook on Windows (see azure.yaml); the same file as write-local-settings.sh, which explains it.
$ErrorActionPreference = 'Stop'

$settings = 'functions/Loyalty.Functions/local.settings.json'
$timerFunctions = @('ReviewTiers', 'TidyUpPendingSagas', 'ClearExpiredPoints', 'RestartReferralDrivers', 'SendExpiryReminders', 'RedriveQueuedWork', 'RelayOutbox', 'PruneEventFeed', 'ProjectInsights')

if (Test-Path $settings) {
    Write-Host "write-local-settings: $settings exists; left unchanged."
    exit 0
}

function Get-Value([string] $name, [string] $fallback = '') {
    $value = [Environment]::GetEnvironmentVariable($name)
    if ($value) { $value } else { $fallback }
}

$phoneHashKey = Get-Value 'LOYALTY_PHONE_HASH_KEY'
if ($phoneHashKey.StartsWith('akvs://')) {
    $phoneHashKey = ''
    Write-Host "write-local-settings: the phone hash key is in Key Vault only; add it to $settings as Security__PhoneHashKey:"
    Write-Host "  az keyvault secret show --vault-name $(Get-Value 'AZURE_KEY_VAULT_NAME' '<vault>') --name Security--PhoneHashKey --query value -o tsv"
}

$fieldKeys = Get-Value 'LOYALTY_FIELD_KEYS'
if ($fieldKeys.StartsWith('akvs://')) {
    $fieldKeys = ''
    Write-Host "write-local-settings: the field key ring is in Key Vault only; add it to $settings as Security__FieldKeys:"
    Write-Host "  az keyvault secret show --vault-name $(Get-Value 'AZURE_KEY_VAULT_NAME' '<vault>') --name Security--FieldKeys --query value -o tsv"
}

$values = [ordered]@{
    FUNCTIONS_WORKER_RUNTIME = 'dotnet-isolated'
    AzureWebJobsStorage__blobServiceUri = Get-Value 'AZURE_STORAGE_BLOB_ENDPOINT'
    AzureWebJobsStorage__queueServiceUri = Get-Value 'AZURE_STORAGE_QUEUE_ENDPOINT'
    AzureWebJobsStorage__tableServiceUri = Get-Value 'AZURE_STORAGE_TABLE_ENDPOINT'
    AzureFunctionsJobHost__extensions__durableTask__hubName = 'LoyaltyLocalDev'
    LoyaltyStorage__tableServiceUri = Get-Value 'AZURE_STORAGE_TABLE_ENDPOINT'
    LoyaltyStorage__queueServiceUri = Get-Value 'AZURE_STORAGE_QUEUE_ENDPOINT'
    AccrualQueueName = "$(Get-Value 'AZURE_STORAGE_ACCRUAL_QUEUE' 'accrual')-local"
}
foreach ($name in $timerFunctions) { $values["AzureWebJobs.$name.Disabled"] = 'true' }
$values['ServiceBus__fullyQualifiedNamespace'] = Get-Value 'AZURE_SERVICEBUS_FULLY_QUALIFIED_NAMESPACE'
$values['ServiceBus__TopicName'] = Get-Value 'AZURE_SERVICEBUS_TOPIC_NAME'
if ($phoneHashKey) { $values['Security__PhoneHashKey'] = $phoneHashKey }
if ($fieldKeys) { $values['Security__FieldKeys'] = $fieldKeys }
$values['Sms__Endpoint'] = Get-Value 'AZURE_COMMUNICATION_ENDPOINT'
$values['Sms__From'] = Get-Value 'SMS_FROM'

New-Item -ItemType Directory -Force -Path (Split-Path $settings) | Out-Null
[ordered]@{ IsEncrypted = $false; Values = $values } | ConvertTo-Json -Depth 5 | Set-Content -Path $settings -Encoding utf8
Write-Host "write-local-settings: wrote $settings"
