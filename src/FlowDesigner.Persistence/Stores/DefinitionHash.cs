using System.Security.Cryptography;
using System.Text;

namespace FlowDesigner.Persistence.Stores;

internal static class DefinitionHash
{
    public static string Of(string json) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
