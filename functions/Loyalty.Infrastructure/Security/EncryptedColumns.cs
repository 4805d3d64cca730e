using Azure.Data.Tables;

namespace Loyalty.Infrastructure.Security;

/// <summary>
/// Writes and reads an encrypted column: the ciphertext in <c>{name}</c>, the key id in <c>{name}KeyId</c>. The
/// associated data is the row's partition and row key and the column, so a value only opens where it was written.
/// </summary>
public static class EncryptedColumns
{
    public static void Set(this TableEntity row, FieldCipher cipher, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(cipher);
        row[name] = value is null ? null : cipher.Encrypt(value, Context(row.PartitionKey, row.RowKey, name));
        row[name + "KeyId"] = value is null ? null : cipher.CurrentKeyId;
    }

    /// <summary>The clear value; a column without a key id is read as it is (a row from before encryption, rewritten encrypted at its next change).</summary>
    public static string? GetDecrypted(this TableEntity row, FieldCipher cipher, string name)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(cipher);
        var stored = row.GetString(name);
        if (stored is null)
        {
            return null;
        }

        return row.GetString(name + "KeyId") is { } keyId ? cipher.Decrypt(keyId, stored, Context(row.PartitionKey, row.RowKey, name)) : stored;
    }

    private static string Context(string partitionKey, string rowKey, string name) => $"{partitionKey}\n{rowKey}\n{name}";
}
