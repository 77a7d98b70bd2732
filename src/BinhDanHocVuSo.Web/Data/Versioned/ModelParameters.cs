using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BinhDanHocVuSo.Web.Data.Versioned;

/// <summary>
/// Parameters of raw SQL made from the EF Core model: each value is bound by the type mapping (and value converter) of
/// the column it fills or is compared with, so a raw statement stores and finds values exactly as EF Core does (on
/// SQLite a Guid is upper-case text and a time its text form; on PostgreSQL a uuid and a timestamptz).
/// </summary>
public static class ModelParameters
{
    /// <summary>The model's property <paramref name="name"/> of <typeparamref name="TRow"/>.</summary>
    public static IProperty Property<TRow>(this AppDbContext db, string name) =>
        db.Model.FindEntityType(typeof(TRow))?.FindProperty(name)
        ?? throw new InvalidOperationException($"{typeof(TRow).Name}.{name} is not in the model.");

    /// <summary>Adds a parameter for a value of <paramref name="property"/>'s column to <paramref name="command"/>.</summary>
    public static DbParameter Add(DbCommand command, IProperty property, string name, object? value)
    {
        var mapping = property.GetRelationalTypeMapping();
        var parameter = mapping.CreateParameter(command, name, null, property.IsNullable);
        parameter.Value = ProviderValue(mapping, value);
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The value as the provider stores it: converted by the mapping's converter, null as <see cref="DBNull"/>.</summary>
    public static object ProviderValue(RelationalTypeMapping mapping, object? value) =>
        (value is not null && mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) switch
        {
            null => DBNull.Value,
            // Times are UTC throughout; one read back from SQLite comes unspecified, and PostgreSQL's timestamptz must be told.
            DateTime { Kind: DateTimeKind.Unspecified } time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            var stored => stored,
        };
}
