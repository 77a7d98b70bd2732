using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BinhDanHocVuSo.Web.Features.Survey;

/// <summary>
/// Keeps the scores of responses counted with an earlier definition, then builds the province's report once the platform has started, so that the first admin to open it after a deploy or a
/// restart does not wait while every response is read and scored (seconds for a province). The reports after it read
/// only the responses submitted since (see <see cref="SurveyReports"/>). Runs after start: the platform serves its
/// learners meanwhile, and a report asked for meanwhile waits for this one rather than reading everything a second time.
/// </summary>
public sealed class SurveyReportWarmUp(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<SurveyReportWarmUp> logger)
    : BackgroundService
{
    readonly TaskCompletionSource<ScopedReport?> _built = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The report built at start: null when no survey is served or building it failed (the first request builds it then).</summary>
    public Task<ScopedReport?> Built => _built.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ScopedReport? report = null;
        try
        {
            await WhenStartedAsync(stoppingToken);
            var watch = Stopwatch.StartNew();
            await using var scope = scopes.CreateAsyncScope();
            await KeepMissingScoresAsync(scope.ServiceProvider, stoppingToken);
            report = await scope.ServiceProvider.GetRequiredService<SurveyReports>().BuildForProvinceAsync(GroupBy.None, stoppingToken);
            if (report is not null)
            {
                logger.LogInformation(
                    "Survey report of {SurveyId} v{Version} built at start for {Respondents} respondents in {Milliseconds} ms",
                    report.Survey.Id, report.Survey.Version, report.Report.Header.Respondents, watch.ElapsedMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The survey report could not be built at start; the first request for it builds it");
        }
        finally
        {
            _built.TrySetResult(report);
        }
    }

    /// <summary>
    /// Keeps the scores of responses that have none fitting the definition served now (a definition corrected since they
    /// were submitted): reports count those in memory and never write, so this is where they are kept.
    /// </summary>
    async Task KeepMissingScoresAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var surveys = services.GetRequiredService<SurveySource>();
        var store = services.GetRequiredService<SurveyStore>();
        foreach (var survey in surveys.Versions)
        {
            if (await store.KeepMissingScoresAsync(survey, surveys.LayoutOf(survey), stoppingToken) is > 0 and var kept)
            {
                logger.LogInformation("Scores of {Responses} responses to {SurveyId} v{Version} counted again and kept", kept, survey.Id, survey.Version);
            }
        }
    }

    async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }
}

/// <summary>
/// Ready once the province's report is built at start (or could not be built): behind a load balancer, no one's report
/// then waits on a silo that has just started. A probe waits a few seconds for it, as a small province takes moments.
/// </summary>
sealed class SurveyReportWarmUpCheck(SurveyReportWarmUp warmUp) : IHealthCheck
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await warmUp.Built.WaitAsync(Wait, cancellationToken);
            return HealthCheckResult.Healthy("survey report built");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the province's survey report is still being built");
        }
    }
}
