using Microsoft.Extensions.Caching.Memory;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>What a built report is about: a survey version, the caller's scope, the grouping asked for and whether flagged respondents count.</summary>
/// <param name="Scope">The communes in scope, sorted and joined; "*" for an admin, who sees all and the quality panel.</param>
public sealed record ReportKey(string SurveyId, int SurveyVersion, string Scope, GroupBy By, bool IncludeFlagged);

/// <summary>Whose scores a report reads: a survey version scored under a layout, in a scope, with or without item values.</summary>
public sealed record MembersKey(string SurveyId, int SurveyVersion, string Layout, string Scope, bool WithItems);

/// <summary>
/// What a built report was built from: the submitted responses in scope (how many, and the latest submission: responses
/// are only ever added, and a new one is the latest), the officials invited, and the course catalogue recommended from.
/// </summary>
public sealed record ReportMark(int Submitted, DateTime? LatestSubmission, int Invited, CourseCatalog Courses);

/// <summary>
/// Built reports, reused while their <see cref="ReportMark"/> is unchanged, and the scored respondents they were built
/// from, to which a new report of the same scope adds only the responses submitted since. Each request reads the mark from the database
/// (two counts over an index), so no silo serves a report that a response submitted anywhere has changed. Bounded by the
/// respondents the kept reports describe, since each keeps the ids of the members below target.
/// </summary>
public sealed class SurveyReportCache : IDisposable
{
    const int MaxRespondents = 1_000_000;

    readonly MemoryCache _reports = new(new MemoryCacheOptions { SizeLimit = MaxRespondents });

    public ScopedReport? Find(ReportKey key, ReportMark mark) =>
        _reports.TryGetValue(key, out (ReportMark Mark, ScopedReport Report) kept) && kept.Mark == mark ? kept.Report : null;

    public void Keep(ReportKey key, ReportMark mark, ScopedReport report) =>
        _reports.Set(key, (mark, report), new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, report.Report.Header.Respondents),
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });

    /// <summary>
    /// The respondents scored for an earlier report of this key, to which the next report adds the new ones, and the
    /// latest submission among them as read before they were (null when none was submitted).
    /// </summary>
    public (ScoredMembers Members, DateTime? Latest)? FindMembers(MembersKey key) =>
        _reports.TryGetValue(key, out (ScoredMembers, DateTime?) kept) ? kept : null;

    /// <remarks>
    /// The whole province's respondents (scope "*") stay while the cache has room: a leader who opens the report once a
    /// day would otherwise find them gone each time and wait for every response to be read again. A trainer's few
    /// communes are quick to read again, and go after half an hour unused.
    /// </remarks>
    public void KeepMembers(MembersKey key, ScoredMembers members, DateTime? latest) =>
        _reports.Set(key, (members, latest), new MemoryCacheEntryOptions
        {
            Size = Math.Max(1, members.Members.Count),
            SlidingExpiration = key.Scope == ProvinceScope ? null : TimeSpan.FromMinutes(30),
            Priority = key.Scope == ProvinceScope ? CacheItemPriority.High : CacheItemPriority.Normal,
        });

    /// <summary>The scope of an admin's report: every commune.</summary>
    public const string ProvinceScope = "*";

    /// <summary>
    /// Waits until no one else reads the respondents of <paramref name="key"/>, and holds them until disposed: a report
    /// opened by several people at once, or while the platform builds it at start, is read and scored once.
    /// </summary>
    /// <remarks>
    /// Keys share a fixed set of gates by hash (lock striping), so that the gates never grow with the scopes asked for;
    /// two scopes that share a gate only wait for each other.
    /// </remarks>
    public async Task<IDisposable> ReadingAsync(MembersKey key, CancellationToken cancellationToken)
    {
        var gate = _readers[(key.GetHashCode() & int.MaxValue) % _readers.Length];
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    readonly SemaphoreSlim[] _readers = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    public void Dispose() => _reports.Dispose();
}
