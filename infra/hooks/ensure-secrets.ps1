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

# Keeps $name when set; refers a provisioned environment to $vaultSecret; refuses when the resource group exists but its
# vault is unknown ($loss says what a new value would break); only a new environment gets $prefix and 32 random bytes.
function Set-VaultSecret([string] $name, [string] $vaultSecret, [string] $prefix, [string] $loss) {
    if ([Environment]::GetEnvironmentVariable($name)) {
        # kept as it is: a value, or a vault reference set earlier
    }
    elseif ($env:AZURE_KEY_VAULT_NAME) {
        if (-not $env:AZURE_SUBSCRIPTION_ID) { Fail "AZURE_KEY_VAULT_NAME is set but AZURE_SUBSCRIPTION_ID is not; run 'azd env refresh'." }
        Set-AzdValue $name "akvs://$($env:AZURE_SUBSCRIPTION_ID)/$($env:AZURE_KEY_VAULT_NAME)/$vaultSecret"
        Write-Host "ensure-secrets: $name refers to $vaultSecret in $($env:AZURE_KEY_VAULT_NAME); azd reads it from there."
    }
    elseif (Test-ResourceGroupExists) {
        Fail ("rg-$($env:AZURE_ENV_NAME) already exists but this azd environment does not know its vault. Run 'azd env refresh' (it " +
            "restores AZURE_KEY_VAULT_NAME) and try again; $loss.")
    }
    else {
        Set-AzdValue $name "$prefix$(New-RandomSecret)"
        Write-Host "ensure-secrets: $name generated for this new environment."
    }
}

Set-VaultSecret 'LOYALTY_PHONE_HASH_KEY' 'Security--PhoneHashKey' '' 'a new phone hash key would orphan every stored phone hash'
Set-VaultSecret 'LOYALTY_FIELD_KEYS' 'Security--FieldKeys' 'k1:' 'a new field key ring would make every encrypted field unreadable'

if (-not $env:LOYALTY_BOOTSTRAP_SECRET) {
    Set-AzdValue 'LOYALTY_BOOTSTRAP_SECRET' (New-RandomSecret)
    Write-Host 'ensure-secrets: LOYALTY_BOOTSTRAP_SECRET generated.'
}
