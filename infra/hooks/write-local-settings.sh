#!/bin/sh
# azd `postprovision` hook (see azure.yaml): writes functions/Loyalty.Functions/local.settings.json from the provisioned
# outputs, so `func start` runs locally against the cloud resources with your own Entra ID identity (the deploying
# principal holds the data roles). An existing file is never overwritten.
#
# A local host must not compete with the cloud app for its work, so the file gives it
#   - its own accrual queue (<cloud queue>-local): local purchases are processed locally, cloud ones in the cloud;
#   - its own Durable Task hub (LoyaltyLocalDev): orchestrations started locally stay local;
#   - every timer function disabled (AzureWebJobs.<name>.Disabled): the cloud app alone runs the scheduled jobs
#     (tier reviews, saga tidy-up, clearing, referral driver restarts, reminders, the re-drive of queued work, the outbox
#     relay, event feed pruning, report projections) against the shared tables.
# Secrets are not written (read Sms--AccessKey or BootstrapSecret from Key Vault when you need them), except the phone
# hash key: a local run against the cloud tables must hash phone numbers exactly as the cloud app does. When the azd
# environment only holds a Key Vault reference to that key, it is left out and the command to fetch it is printed.
set -eu

settings=functions/Loyalty.Functions/local.settings.json
timer_functions="ReviewTiers TidyUpPendingSagas ClearExpiredPoints RestartReferralDrivers SendExpiryReminders RedriveQueuedWork RelayOutbox PruneEventFeed ProjectInsights"

if [ -f "$settings" ]; then
    echo "write-local-settings: $settings exists; left unchanged."
    exit 0
fi

json_string() {
    printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

setting() {
    printf '    %s: %s,\n' "$(json_string "$1")" "$(json_string "$2")"
}

phone_hash_key="${LOYALTY_PHONE_HASH_KEY:-}"
case "$phone_hash_key" in
    akvs://*)
        phone_hash_key=""
        echo "write-local-settings: the phone hash key is in Key Vault only; add it to $settings as Security__PhoneHashKey:"
        echo "  az keyvault secret show --vault-name ${AZURE_KEY_VAULT_NAME:-<vault>} --name Security--PhoneHashKey --query value -o tsv"
        ;;
esac

field_keys="${LOYALTY_FIELD_KEYS:-}"
case "$field_keys" in
    akvs://*)
        field_keys=""
        echo "write-local-settings: the field key ring is in Key Vault only; add it to $settings as Security__FieldKeys:"
        echo "  az keyvault secret show --vault-name ${AZURE_KEY_VAULT_NAME:-<vault>} --name Security--FieldKeys --query value -o tsv"
        ;;
esac

mkdir -p "$(dirname "$settings")"
{
    echo '{'
    echo '  "IsEncrypted": false,'
    echo '  "Values": {'
    setting FUNCTIONS_WORKER_RUNTIME dotnet-isolated
    setting AzureWebJobsStorage__blobServiceUri "${AZURE_STORAGE_BLOB_ENDPOINT:-}"
    setting AzureWebJobsStorage__queueServiceUri "${AZURE_STORAGE_QUEUE_ENDPOINT:-}"
    setting AzureWebJobsStorage__tableServiceUri "${AZURE_STORAGE_TABLE_ENDPOINT:-}"
    setting AzureFunctionsJobHost__extensions__durableTask__hubName LoyaltyLocalDev
    setting LoyaltyStorage__tableServiceUri "${AZURE_STORAGE_TABLE_ENDPOINT:-}"
    setting LoyaltyStorage__queueServiceUri "${AZURE_STORAGE_QUEUE_ENDPOINT:-}"
    setting AccrualQueueName "${AZURE_STORAGE_ACCRUAL_QUEUE:-accrual}-local"
    for name in $timer_functions; do
        setting "AzureWebJobs.$name.Disabled" true
    done
    setting ServiceBus__fullyQualifiedNamespace "${AZURE_SERVICEBUS_FULLY_QUALIFIED_NAMESPACE:-}"
    setting ServiceBus__TopicName "${AZURE_SERVICEBUS_TOPIC_NAME:-}"
    if [ -n "$phone_hash_key" ]; then
        setting Security__PhoneHashKey "$phone_hash_key"
    fi
    if [ -n "$field_keys" ]; then
        setting Security__FieldKeys "$field_keys"
    fi
    setting Sms__Endpoint "${AZURE_COMMUNICATION_ENDPOINT:-}"
    printf '    %s: %s\n' "$(json_string Sms__From)" "$(json_string "${SMS_FROM:-}")"
    echo '  }'
    echo '}'
} >"$settings"
echo "write-local-settings: wrote $settings"
