# azd `preup` and `preprovision` hook on Windows (see azure.yaml); the same steps as ensure-secrets.sh, which explains them.
$ErrorActionPreference = 'Stop'

function Fail([string] $message) {
    [Console]::Error.WriteLine("ensure-secrets: $message")
    exit 1
}

function New-RandomSecret {
    [Convert]::ToBase64String([System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32))
}

function Set-AzdValue([string] $name, [string] $value) {
    azd env set $name $value
    if ($LASTEXITCODE -ne 0) { Fail "azd env set $name failed." }
}

function Test-ResourceGroupExists {
    if (-not $env:AZURE_SUBSCRIPTION_ID -or -not $env:AZURE_ENV_NAME) { return $false }
    if (-not (Get-Command az -ErrorAction SilentlyContinue)) {
        [Console]::Error.WriteLine("ensure-secrets: az is not installed, so whether rg-$($env:AZURE_ENV_NAME) already exists was not checked.")
        return $false
    }
    $answer = az group exists --name "rg-$($env:AZURE_ENV_NAME)" --subscription $env:AZURE_SUBSCRIPTION_ID 2>$null
    if ($LASTEXITCODE -ne 0) {
        [Console]::Error.WriteLine("ensure-secrets: az could not tell whether rg-$($env:AZURE_ENV_NAME) already exists (az login?); not checked.")
        return $false
    }
    return "$answer".Trim() -eq 'true'
}

if ($env:LOYALTY_PHONE_HASH_KEY) {
    # kept as it is: a key, or a vault reference set earlier
}
elseif ($env:AZURE_KEY_VAULT_NAME) {
    if (-not $env:AZURE_SUBSCRIPTION_ID) { Fail "AZURE_KEY_VAULT_NAME is set but AZURE_SUBSCRIPTION_ID is not; run 'azd env refresh'." }
    Set-AzdValue 'LOYALTY_PHONE_HASH_KEY' "akvs://$($env:AZURE_SUBSCRIPTION_ID)/$($env:AZURE_KEY_VAULT_NAME)/Security--PhoneHashKey"
    Write-Host "ensure-secrets: LOYALTY_PHONE_HASH_KEY refers to Security--PhoneHashKey in $($env:AZURE_KEY_VAULT_NAME); azd reads it from there."
}
elseif (Test-ResourceGroupExists) {
    Fail ("rg-$($env:AZURE_ENV_NAME) already exists but this azd environment does not know its vault. Run 'azd env refresh' (it " +
        "restores AZURE_KEY_VAULT_NAME) and try again; a new phone hash key would orphan every stored phone hash.")
}
else {
    Set-AzdValue 'LOYALTY_PHONE_HASH_KEY' (New-RandomSecret)
    Write-Host 'ensure-secrets: LOYALTY_PHONE_HASH_KEY generated for this new environment.'
}

if ($env:LOYALTY_FIELD_KEYS) {
    # kept as it is: a ring, or a vault reference set earlier
}
elseif ($env:AZURE_KEY_VAULT_NAME) {
    if (-not $env:AZURE_SUBSCRIPTION_ID) { Fail "AZURE_KEY_VAULT_NAME is set but AZURE_SUBSCRIPTION_ID is not; run 'azd env refresh'." }
    Set-AzdValue 'LOYALTY_FIELD_KEYS' "akvs://$($env:AZURE_SUBSCRIPTION_ID)/$($env:AZURE_KEY_VAULT_NAME)/Security--FieldKeys"
    Write-Host "ensure-secrets: LOYALTY_FIELD_KEYS refers to Security--FieldKeys in $($env:AZURE_KEY_VAULT_NAME); azd reads it from there."
}
elseif (Test-ResourceGroupExists) {
    Fail ("rg-$($env:AZURE_ENV_NAME) already exists but this azd environment does not know its vault. Run 'azd env refresh' (it " +
        "restores AZURE_KEY_VAULT_NAME) and try again; a new field key ring would make every encrypted field unreadable.")
}
else {
    Set-AzdValue 'LOYALTY_FIELD_KEYS' "k1:$(New-RandomSecret)"
    Write-Host 'ensure-secrets: LOYALTY_FIELD_KEYS generated for this new environment.'
}

if (-not $env:LOYALTY_BOOTSTRAP_SECRET) {
    Set-AzdValue 'LOYALTY_BOOTSTRAP_SECRET' (New-RandomSecret)
    Write-Host 'ensure-secrets: LOYALTY_BOOTSTRAP_SECRET generated.'
}
