namespace BinhDanHocVuSo.Web.Data;

/// <summary>Column sizes shared by the model, the validation of requests and both providers' migrations.</summary>
public static class Limits
{
    public const int Slug = 64;
    public const int Title = 200;
    public const int Version = 16;
    public const int Answer = 400;
    public const int Commune = 120;
}
