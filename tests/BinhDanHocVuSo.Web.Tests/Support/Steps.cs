using System.Net;
using BinhDanHocVuSo.Web.Features.Accounts;
using BinhDanHocVuSo.Web.Features.Courses;
using BinhDanHocVuSo.Web.Features.Learning;
using Microsoft.Extensions.DependencyInjection;

namespace BinhDanHocVuSo.Web.Tests.Support;

/// <summary>Steps several specs take the same way: a learner who has completed the sample course, a trainer with a group, a request with a forged host.</summary>
public static class Steps
{
    /// <summary>The Host header a forged request claims; what is printed or shared must never carry it.</summary>
    public const string ForgedHost = "evil.example";

    /// <summary>
    /// The learner completes the sample course <c>khoa-mau</c> through their grain: its first lesson's quiz all right,
    /// its second lesson done, its final quiz all right.
    /// </summary>
    public static async Task CompleteSampleCourseAsync(this Platform platform, Guid learnerId)
    {
        var course = platform.Services.GetRequiredService<ICourseCatalogSource>().Current.Find("khoa-mau")!;
        var learner = platform.Grains.GetGrain<ILearnerGrain>(learnerId);
        await learner.SubmitQuiz(new QuizSubmission(Guid.NewGuid(), course.Slug, course.Lessons[0].Quiz!.Id, Answers.AllRight(course.Lessons[0].Quiz!)));
        await learner.CompleteLesson(course.Slug, "bai-hai");
        (await learner.SubmitQuiz(new QuizSubmission(Guid.NewGuid(), course.Slug, "final", Answers.AllRight(course.FinalQuiz!)))).CourseCompleted.Should().BeTrue();
    }

    /// <summary>A learner, signed in, who completed the sample course and received its certificate; and the certificate page.</summary>
    public static async Task<(People.Person Learner, HttpClient Browser, string Certificate)> LearnerWithCertificateAsync(this Platform platform)
    {
        var learner = await platform.CreateAsync();
        await platform.CompleteSampleCourseAsync(learner.Id);
        var browser = await platform.SignedInAs(learner);
        return (learner, browser, await browser.ReceiveCertificateAsync("khoa-mau"));
    }

    /// <summary>A new trainer, signed in, who created a group in <paramref name="commune"/> on the groups page.</summary>
    public static async Task<(HttpClient Trainer, Guid GroupId)> TrainerWithGroupAsync(this Platform platform, string name = "Tổ 1 thôn Nà Vài",
        string commune = People.Commune)
    {
        var trainer = await platform.SignedInAs(await platform.CreateAsync(Roles.Trainer, commune));
        var created = await trainer.SubmitFormAsync("/groups", new() { ["Name"] = name, ["Commune"] = commune });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, "the group is created");
        return (trainer, Guid.Parse(created.Headers.Location!.ToString().Split('/')[^1]));
    }

    /// <summary>A GET whose Host header claims <see cref="ForgedHost"/>; the page must still be served.</summary>
    public static async Task<string> GetWithForgedHostAsync(this HttpClient browser, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = ForgedHost;
        var response = await browser.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
