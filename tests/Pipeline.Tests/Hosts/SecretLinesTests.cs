using Pipeline.Hosts.Vendors;
using Pipeline.Secrets;

namespace Pipeline.Tests.Hosts;

/// <summary>The one secret splitter, as Pipeline's masker and the hosts' masking commands use it.</summary>
public sealed class SecretLinesTests
{
    private const string KeyFile = "-----BEGIN KEY-----\r\nMIIEvQIBADAN\n}\n  \n-----END KEY-----";

    [Fact]
    public void Each_line_long_enough_to_mask_is_a_secret_trimmed() =>
        Assert.Equal(["-----BEGIN KEY-----", "MIIEvQIBADAN", "-----END KEY-----"], SecretLines.Of(KeyFile));

    [Fact]
    public void A_host_is_told_the_whole_value_first_and_then_each_of_its_lines() =>
        Assert.Equal([KeyFile, "-----BEGIN KEY-----", "MIIEvQIBADAN", "-----END KEY-----"], HostText.SecretParts(KeyFile));

    [Fact]
    public void A_one_line_secret_is_told_to_a_host_as_it_is() =>
        Assert.Equal([" s3cr3t "], HostText.SecretParts(" s3cr3t "));
}
