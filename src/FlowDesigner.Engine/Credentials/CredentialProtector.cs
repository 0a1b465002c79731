using System.Security.Cryptography;
using System.Text.Json;
using FlowDesigner.Model.Credentials;
using Microsoft.AspNetCore.DataProtection;

namespace FlowDesigner.Engine.Credentials;

/// <summary>Encrypts a credential's fields for the store with ASP.NET Core Data Protection, and decrypts them for use.</summary>
public sealed class CredentialProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("FlowDesigner.Credentials.v1");

    public string Protect(IReadOnlyDictionary<string, string> fields) => _protector.Protect(JsonSerializer.Serialize(fields));

    /// <exception cref="CredentialUnreadableException">The keys that encrypted it are not available.</exception>
    public Dictionary<string, string> Unprotect(CredentialRecord record)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(record.ProtectedData)) ?? [];
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            throw new CredentialUnreadableException(record.Name, exception);
        }
    }
}
