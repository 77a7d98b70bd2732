namespace BinhDanHocVuSo.Web.Features.Accounts.Me;

/// <summary>
/// What deleting an account does to everything kept under the person's id, inside the caller's transaction: the
/// learning history moves to a fresh random id that nothing links to the person (so totals stay right), the person
/// leaves every group they were a member or trainer of (and their invitations and assigned communes go), their survey responses and one-time reset codes go, and their
/// certificates are withdrawn with the name erased; a citizen registered by a team loses that registration, their
/// assisted marks moving with the history. Audit entries keep only ids and stay.
/// </summary>
public static class AccountErasure
{
    /// <returns>The groups the person was a member of, whose figures must be computed again.</returns>
    public static async Task<IReadOnlyList<Guid>> RunAsync(AppDbContext db, Guid personId, Guid anonymousId, DateTime now)
    {
        // The learner's row first: a concurrent write of the learner grain moves its version on this row first, so it
        // either finishes before this (and its rows move too) or finds the row gone and writes nothing.
        await db.Learners.Where(l => l.Id == personId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Id, anonymousId));
        await db.CourseEnrolments.Where(r => r.LearnerId == personId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LearnerId, anonymousId));
        await db.LessonCompletions.Where(r => r.LearnerId == personId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LearnerId, anonymousId));
        await db.QuizAttempts.Where(r => r.LearnerId == personId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LearnerId, anonymousId));
        await db.QuizAnswers.Where(r => r.LearnerId == personId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LearnerId, anonymousId));
        await db.LearnerDays.Where(r => r.LearnerId == personId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LearnerId, anonymousId));
        await db.PracticeRuns.Where(r => r.LearnerId == personId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LearnerId, anonymousId));
        // A survey response counts against the officials invited (those with an account): an anonymous one would leave
        // reports saying more officials answered than were asked. It goes with the account; reports see the count change.
        var responses = db.SurveyResponses.Where(r => r.RespondentId == personId).Select(r => r.Id);
        await db.SurveyAnswers.Where(a => responses.Contains(a.ResponseId)).ExecuteDeleteAsync();
        await db.SurveyResponses.Where(r => r.RespondentId == personId).ExecuteDeleteAsync();
        await db.Certificates.Where(c => c.LearnerId == personId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LearnerId, anonymousId)
            .SetProperty(c => c.FullName, "")
            .SetProperty(c => c.WithdrawnAt, now));

        var groups = await db.GroupMembers.Where(m => m.LearnerId == personId).Select(m => m.GroupId).ToListAsync();
        await db.GroupMembers.Where(m => m.LearnerId == personId).ExecuteDeleteAsync();
        await db.GroupTrainers.Where(t => t.TrainerId == personId).ExecuteDeleteAsync();
        await db.GroupInvitations.Where(i => i.LearnerId == personId).ExecuteDeleteAsync();
        await db.TrainerCommunes.Where(t => t.TrainerId == personId).ExecuteDeleteAsync();
        await db.ResetCodes.Where(c => c.UserId == personId).ExecuteDeleteAsync();
        // A citizen a team registered (and who took the account over): how the team knew them (name, numbers, year of
        // birth) goes; the results marked as learnt with a member move with the history, so the team's figures stay right.
        await db.AssistedPeople().Where(p => p.UserId == personId).ExecuteDeleteAsync();
        await db.AssistedMarks().Where(m => m.LearnerId == personId).ExecuteUpdateAsync(s => s.SetProperty(m => m.LearnerId, anonymousId));
        return groups;
    }
}
