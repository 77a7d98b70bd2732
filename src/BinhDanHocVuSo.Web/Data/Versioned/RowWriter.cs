using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace BinhDanHocVuSo.Web.Data.Versioned;

/// <summary>
/// Writes rows of the EF Core model with plain parameterised SQL in the context's current transaction: table and column
/// names come from the model, and each value is bound by its column's type mapping (<see cref="ModelParameters"/>). Each
/// statement is prepared once per writer (one batch of <see cref="VersionedWriteQueue"/>) and run once per row: every
/// quiz answer is written here, and EF Core's change tracking and SQL generation per row cost several times the insert.
/// </summary>
public sealed class RowWriter(AppDbContext db) : IAsyncDisposable
{
    enum Statement
    {
        Insert,
        InsertIfAbsent,
        Upsert,
        MoveVersion,
    }

    /// <summary>A statement of one table, and the properties whose values fill its parameters, in order.</summary>
    sealed record Shape(string Sql, IProperty[] Properties, RelationalTypeMapping[] Mappings, int VersionAt);

    static readonly ConcurrentDictionary<(IEntityType, Statement), Shape> _shapes = new();

    readonly DbConnection _connection = db.Database.GetDbConnection();
    readonly DbTransaction? _transaction = db.Database.CurrentTransaction?.GetDbTransaction();
    readonly Dictionary<(IEntityType, Statement), DbCommand> _commands = [];

    /// <summary>Inserts <paramref name="row"/>; a row with the same key is a constraint error.</summary>
    public Task InsertAsync<TRow>(TRow row) where TRow : class => RunAsync(Statement.Insert, row, version: null);

    /// <summary>Inserts <paramref name="row"/>, or replaces every column of the row with the same key.</summary>
    public Task UpsertAsync<TRow>(TRow row) where TRow : class => RunAsync(Statement.Upsert, row, version: null);

    /// <summary>
    /// The one concurrency check: moves the version of <paramref name="row"/>'s stored row on from
    /// <paramref name="basedOn"/> to the next; false when it moved meanwhile. From 0 the row is new, and is inserted
    /// (all its columns, version 1) unless a row with its key or another unique value exists.
    /// </summary>
    public async Task<bool> MoveVersionAsync<TRow>(TRow row, long basedOn) where TRow : class =>
        basedOn == 0
            ? await RunAsync(Statement.InsertIfAbsent, row, version: 1) == 1
            : await RunAsync(Statement.MoveVersion, row, version: basedOn) == 1;

    /// <summary>The table and key of <paramref name="row"/>, to name it when its write is refused.</summary>
    public (string Table, object Key) Describe<TRow>(TRow row) where TRow : class
    {
        var entity = EntityOf(typeof(TRow));
        var key = entity.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(row)).ToList();
        return (entity.GetTableName()!, key.Count == 1 ? key[0]! : string.Join("/", key));
    }

    async Task<int> RunAsync<TRow>(Statement statement, TRow row, long? version) where TRow : class
    {
        var entity = EntityOf(typeof(TRow));
        var shape = _shapes.GetOrAdd((entity, statement), ShapeOf, db);
        if (!_commands.TryGetValue((entity, statement), out var command))
        {
            command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = shape.Sql;
            for (var i = 0; i < shape.Properties.Length; i++)
            {
                ModelParameters.Add(command, shape.Properties[i], Name(i), null);
            }
            _commands[(entity, statement)] = command;
        }
        for (var i = 0; i < shape.Properties.Length; i++)
        {
            command.Parameters[i].Value = ModelParameters.ProviderValue(shape.Mappings[i], shape.Properties[i].GetGetter().GetClrValue(row));
        }
        if (version is { } v)
        {
            // Inserting a new row: version 1. Moving it on: the next version, where the stored one is still the one based on.
            command.Parameters[shape.VersionAt].Value = statement == Statement.MoveVersion ? v + 1 : v;
            if (statement == Statement.MoveVersion)
            {
                command.Parameters[^1].Value = v;
            }
        }
        return await command.ExecuteNonQueryAsync();
    }

    IEntityType EntityOf(Type type) => db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");

    static string Name(int i) => $"@p{i}";

    static Shape ShapeOf((IEntityType Entity, Statement Statement) of, AppDbContext db)
    {
        var (entity, statement) = of;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);
        var keys = entity.FindPrimaryKey()!.Properties;
        var all = entity.GetProperties().ToArray();
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", all.Select(Column))}) VALUES ({string.Join(", ", all.Select((_, i) => Name(i)))})";
        var version = all.SingleOrDefault(p => p.IsConcurrencyToken);
        var versionAt = version is null ? -1 : Array.IndexOf(all, version);
        var others = all.Except(keys).ToList();
        return statement switch
        {
            Statement.Insert => new Shape(into, all, Mappings(all), versionAt),
            Statement.InsertIfAbsent => new Shape($"{into} ON CONFLICT DO NOTHING", all, Mappings(all), versionAt),
            Statement.Upsert => new Shape(
                $"{into} ON CONFLICT ({string.Join(", ", keys.Select(Column))}) DO " + (others.Count == 0 ? "NOTHING"
                    : "UPDATE SET " + string.Join(", ", others.Select(p => $"{Column(p)} = excluded.{Column(p)}"))),
                all, Mappings(all), versionAt),
            Statement.MoveVersion when version is not null => MoveVersion(),
            _ => throw new InvalidOperationException($"{entity.DisplayName()} has no version (a concurrency token) to move on."),
        };

        Shape MoveVersion()
        {
            // Parameters: the next version, the key, the version based on.
            IProperty[] properties = [version, .. keys, version];
            var where = string.Join(" AND ", keys.Select((k, i) => $"{Column(k)} = {Name(i + 1)}"));
            return new Shape(
                $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {Column(version)} = {Name(0)} WHERE {where} AND {Column(version)} = {Name(properties.Length - 1)}",
                properties, Mappings(properties), 0);
        }
    }

    static RelationalTypeMapping[] Mappings(IProperty[] properties) => [.. properties.Select(p => p.GetRelationalTypeMapping())];

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
    }
}
