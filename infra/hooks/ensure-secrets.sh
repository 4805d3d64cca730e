#!/bin/sh
# azd `preup` and `preprovision` hook (see azure.yaml). Makes sure the azd environment holds the two secrets that
# infra/main.parameters.json maps to required Bicep parameters, so `azd up` and `azd provision` (with --no-prompt too)
# never stop on a prompt. azd checks the parameters of `azd up` before any provision hook runs, hence `preup`;
# `preprovision` covers `azd provision` alone. In `azd up` both run and the second finds everything set.
#
#   LOYALTY_PHONE_HASH_KEY    key of the hash that finds members by phone. It must never change: a new key makes every
#                             stored phone hash miss. A value already set is kept. An environment provisioned before
#                             (AZURE_KEY_VAULT_NAME known) gets an akvs:// reference to its vault secret: azd reads the
#                             secret itself at provisioning and stops if it cannot, so a failed read can never turn
#                             into a new key. Only a new environment gets 32 random bytes.
#   LOYALTY_FIELD_KEYS        key ring that encrypts names, phone numbers and birthdays at rest ("id:base64;..."). Kept
#                             when set; a provisioned environment gets an akvs:// reference to Security--FieldKeys, the
#                             same way as the phone hash key, because a new ring would make every stored value
#                             unreadable. Only a new environment gets one key "k1" of 32 random bytes. (An environment
#                             provisioned before field encryption has no such secret yet: set LOYALTY_FIELD_KEYS to
#                             "k1:$(openssl rand -base64 32)" once, before its next provision.)
#   LOYALTY_BOOTSTRAP_SECRET  authorizes creating the first tenant. Kept when set, else 32 random bytes.
set -eu

fail() {
    echo "ensure-secrets: $*" >&2
    exit 1
}

random_secret() {
    secret="$(openssl rand -base64 32)" || fail "openssl could not generate a random secret."
    [ -n "$secret" ] || fail "openssl returned an empty secret."
    printf '%s' "$secret"
}

# True when the environment's resource group already exists, as far as `az` can tell: then this environment was
# provisioned before (perhaps from another machine) and a new phone hash key would overwrite the one in its vault.
resource_group_exists() {
    if [ -z "${AZURE_SUBSCRIPTION_ID:-}" ] || [ -z "${AZURE_ENV_NAME:-}" ]; then
        return 1
    fi
    if ! command -v az >/dev/null 2>&1; then
        echo "ensure-secrets: az is not installed, so whether rg-$AZURE_ENV_NAME already exists was not checked." >&2
        return 1
    fi
    if ! answer="$(az group exists --name "rg-$AZURE_ENV_NAME" --subscription "$AZURE_SUBSCRIPTION_ID" 2>/dev/null)"; then
        echo "ensure-secrets: az could not tell whether rg-$AZURE_ENV_NAME already exists (az login?); not checked." >&2
        return 1
    fi
    [ "$answer" = "true" ]
}

# ensure_vault_secret VARIABLE VAULT_SECRET NEW_PREFIX LOSS: keeps VARIABLE when set; refers a provisioned environment to
# VAULT_SECRET in its vault; refuses when the resource group exists but its vault is unknown (LOSS says what a new value
# would break); only a new environment gets NEW_PREFIX followed by 32 random bytes.
ensure_vault_secret() {
    eval "current=\${$1:-}"
    if [ -n "$current" ]; then
        : # kept as it is: a value, or a vault reference set earlier
    elif [ -n "${AZURE_KEY_VAULT_NAME:-}" ]; then
        [ -n "${AZURE_SUBSCRIPTION_ID:-}" ] || fail "AZURE_KEY_VAULT_NAME is set but AZURE_SUBSCRIPTION_ID is not; run 'azd env refresh'."
        azd env set "$1" "akvs://$AZURE_SUBSCRIPTION_ID/$AZURE_KEY_VAULT_NAME/$2"
        echo "ensure-secrets: $1 refers to $2 in $AZURE_KEY_VAULT_NAME; azd reads it from there."
    elif resource_group_exists; then
        fail "rg-$AZURE_ENV_NAME already exists but this azd environment does not know its vault. Run 'azd env refresh' (it" \
            "restores AZURE_KEY_VAULT_NAME) and try again; $4."
    else
        key="$(random_secret)"
        azd env set "$1" "$3$key"
        echo "ensure-secrets: $1 generated for this new environment."
    fi
}

ensure_vault_secret LOYALTY_PHONE_HASH_KEY Security--PhoneHashKey "" "a new phone hash key would orphan every stored phone hash"
ensure_vault_secret LOYALTY_FIELD_KEYS Security--FieldKeys "k1:" "a new field key ring would make every encrypted field unreadable"

if [ -z "${LOYALTY_BOOTSTRAP_SECRET:-}" ]; then
    secret="$(random_secret)"
    azd env set LOYALTY_BOOTSTRAP_SECRET "$secret"
    echo "ensure-secrets: LOYALTY_BOOTSTRAP_SECRET generated."
fi
