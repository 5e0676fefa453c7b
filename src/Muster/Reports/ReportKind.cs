namespace Muster.Reports;

/// <summary>The stages of information reporting (信息报告): one initial report (首报), follow-ups (续报), one final report (终报).</summary>
public enum ReportKind
{
    Initial,
    FollowUp,
    Final,
}

/// <summary>Casualties as the officer entered them (the incident itself keeps no casualty figures).</summary>
public sealed record Casualties(int Deaths, int Injured, int Missing, int Trapped);
