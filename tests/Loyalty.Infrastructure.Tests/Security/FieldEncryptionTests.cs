using System.Security.Cryptography;
using Azure.Data.Tables;
using Loyalty.Core.Ledger;
using Loyalty.Core.Members;
using Loyalty.Infrastructure.Security;
using Loyalty.Infrastructure.Storage;
using Loyalty.Infrastructure.Tables;
using Loyalty.Infrastructure.Tests.Support;
using Loyalty.Testing;

namespace Loyalty.Infrastructure.Tests.Security;

public sealed class FieldEncryptionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly StorageContext _storage = new(azurite);
    private readonly string _oldKeys = TestSecrets.NewFieldKeys("2026-old");
    private readonly string _newKeys = TestSecrets.NewFieldKeys("2027-new");

    private static FieldCipher Cipher(string keys) => new(FieldKeyRing.Parse(keys, out _)!);

    private TableLedgerStore Store(string keys) => new(_storage.Tables, Cipher(keys));

    private static MemberAccount Account(MemberKey key) => new()
    {
        Key = key,
        Name = "王小明",
        Phone = "+8613812345678",
        PhoneHash = "hash-only",
        Birthday = new DateOnly(1990, 5, 1),
        RegisteredAt = DateTimeOffset.UtcNow,
    };

    private async Task<TableEntity> RawAccountAsync(MemberKey key)
    {
        var table = await _storage.Tables.GetAsync(LoyaltyTables.Ledger);
        return (await table.GetEntityAsync<TableEntity>(key.PartitionKey, "account")).Value;
    }

    private static MemberKey NewKey() => new("shop", "e-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Storage_holds_only_ciphertext_of_name_phone_and_birthday_with_the_key_id_beside_each()
    {
        var key = NewKey();
        await Store(_oldKeys).CreateAccountAsync(Account(key), [], [], CancellationToken.None);

        var raw = await RawAccountAsync(key);
        var read = await Store(_oldKeys).GetAccountAsync(key, CancellationToken.None);

        foreach (var (column, clear) in new[] { ("Name", "王小明"), ("Phone", "+8613812345678"), ("Birthday", "1990-05-01") })
        {
            Assert.DoesNotContain(clear, raw.GetString(column), StringComparison.Ordinal);
            Assert.DoesNotContain("5678", raw.GetString(column), StringComparison.Ordinal);
            Assert.Equal("2026-old", raw.GetString(column + "KeyId"));
        }

        Assert.Equal(("王小明", "+8613812345678", new DateOnly(1990, 5, 1)), (read!.Name, read.Phone, read.Birthday));
    }

    [Fact]
    public async Task Values_written_under_the_old_key_read_after_rotation_and_are_rewritten_under_the_new_one()
    {
        var key = NewKey();
        await Store(_oldKeys).CreateAccountAsync(Account(key), [], [], CancellationToken.None);
        var rotated = $"{_newKeys};{_oldKeys}";

        var beforeChange = await Store(rotated).GetAccountAsync(key, CancellationToken.None);
        await new LedgerService(Store(rotated), TimeProvider.System).ExecuteAsync(key, new ChangeProfile("rename", new ProfileChanges { StoreId = Core.Common.Patch<string?>.Set("sh-1") }, "digest"), CancellationToken.None);
        var raw = await RawAccountAsync(key);
        var newKeyOnly = await Store(_newKeys).GetAccountAsync(key, CancellationToken.None);

        Assert.Equal("+8613812345678", beforeChange!.Phone);
        Assert.Equal("2027-new", raw.GetString("PhoneKeyId"));
        Assert.Equal(("王小明", "+8613812345678", "sh-1"), (newKeyOnly!.Name, newKeyOnly.Phone, newKeyOnly.StoreId));
        await Assert.ThrowsAsync<CryptographicException>(() => Store(_oldKeys).GetAccountAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task A_plaintext_row_from_before_encryption_reads_and_is_encrypted_at_its_next_change()
    {
        var key = NewKey();
        var table = await _storage.Tables.GetAsync(LoyaltyTables.Ledger);
        await table.AddEntityAsync(new TableEntity(key.PartitionKey, "account")
        {
            ["Kind"] = "account", ["TenantId"] = key.TenantId, ["MemberId"] = key.MemberId, ["Name"] = "Li Lei", ["Phone"] = "+8613900000000",
            ["Birthday"] = "1988-02-29", ["RegisteredAt"] = DateTimeOffset.UtcNow, ["Tier"] = "normal", ["Status"] = "Active",
        });

        var legacy = await Store(_oldKeys).GetAccountAsync(key, CancellationToken.None);
        await new LedgerService(Store(_oldKeys), TimeProvider.System).ExecuteAsync(key, new ChangeProfile("sms-off", new ProfileChanges { Sms = Core.Common.Patch<bool>.Set(false) }, "digest"), CancellationToken.None);
        var raw = await RawAccountAsync(key);

        Assert.Equal(("Li Lei", "+8613900000000", new DateOnly(1988, 2, 29)), (legacy!.Name, legacy.Phone, legacy.Birthday));
        Assert.NotEqual("+8613900000000", raw.GetString("Phone"));
        Assert.Equal("2026-old", raw.GetString("PhoneKeyId"));
        Assert.Equal("Li Lei", (await Store(_oldKeys).GetAccountAsync(key, CancellationToken.None))!.Name);
    }

    [Fact]
    public void A_ciphertext_opens_only_in_the_row_and_column_it_was_written_for()
    {
        var cipher = Cipher(_oldKeys);
        var sealedValue = cipher.Encrypt("+8613812345678", "shop:m-1\naccount\nPhone");
        var tampered = Convert.FromBase64String(sealedValue);
        tampered[^1] ^= 1;

        Assert.Equal("+8613812345678", cipher.Decrypt("2026-old", sealedValue, "shop:m-1\naccount\nPhone"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt("2026-old", sealedValue, "shop:m-2\naccount\nPhone"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt("2026-old", sealedValue, "shop:m-1\naccount\nName"));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt("2026-old", Convert.ToBase64String(tampered), "shop:m-1\naccount\nPhone"));
        Assert.NotEqual(sealedValue, cipher.Encrypt("+8613812345678", "shop:m-1\naccount\nPhone"));
    }

    [Theory]
    [InlineData("", "is not set")]
    [InlineData("k1", "must be 'id:base64'")]
    [InlineData("k1:c2hvcnQ=", "must be 'id:base64'")]
    [InlineData("k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "twice")]
    public void A_malformed_key_ring_is_refused_with_the_reason(string setting, string reason)
    {
        Assert.Null(FieldKeyRing.Parse(setting, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_key_of_the_ring_encrypts_and_every_key_decrypts()
    {
        var ring = FieldKeyRing.Parse($"{_newKeys};{_oldKeys}", out _)!;

        Assert.Equal("2027-new", ring.CurrentKeyId);
        Assert.Equal(["2027-new", "2026-old"], ring.KeyIds);
    }
}
