//! The frozen layouts of share links: for each bank version that links were made with, the
//! ordered question ids (with the kind of answer each took then) and help-area ids.
//!
//! A link stores answers by position in one of these lists, which keeps it small, and names
//! the list by its code, so it still refers to stable ids: a link made with layout 1 decodes
//! through layout 1 by id forever, whatever later banks reorder, add or remove. A layout is
//! written out here, never derived from the live bank, and never changes once shipped; a new
//! bank version adds a new layout with the next code.

/// The kind of answer a question took when its layout was frozen, which fixes what the
/// 3-bit answer codes mean for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkKind {
    /// Not yet, Started, Mostly, Done.
    Scale,
    /// Disagree, Somewhat disagree, Somewhat agree, Agree.
    Agreement,
    /// A count, written after the packed answers.
    Count,
    /// Yes, No.
    YesNo,
    /// No, A little, Yes.
    Pitfall,
}

/// One frozen layout.
#[derive(Debug)]
pub(crate) struct LinkLayout {
    /// The code written in links.
    pub(crate) code: u64,
    /// The bank version the layout was taken from.
    pub(crate) bank_version: &'static str,
    /// Question ids in link order, with their kind.
    pub(crate) questions: &'static [(&'static str, LinkKind)],
    /// Help-area ids in link order (bit 0 of the mask is the first).
    pub(crate) help_areas: &'static [&'static str],
}

/// The help areas of banks 2026.1 and 2026.2, in link order.
const HELP_AREAS_2026: &[&str] = &[
    "support-team",
    "scope",
    "launch-prep",
    "launch",
    "action",
    "sustain",
    "facilitation",
    "data",
    "employer-recruitment",
    "convener-roles",
    "action-planning",
    "sustainability",
];

/// Every layout ever shipped, oldest first. Layout 1 is frozen as bank 2026.1 shipped it;
/// layout 2 follows bank 2026.2.
pub(crate) const LINK_LAYOUTS: &[LinkLayout] = &[
    LinkLayout {
        code: 1,
        bank_version: "2026.1",
        questions: LAYOUT_1_QUESTIONS,
        help_areas: HELP_AREAS_2026,
    },
    LinkLayout {
        code: 2,
        bank_version: "2026.2",
        questions: LAYOUT_2_QUESTIONS,
        help_areas: HELP_AREAS_2026,
    },
];

/// The layout with this code.
pub(crate) fn layout_by_code(code: u64) -> Option<&'static LinkLayout> {
    LINK_LAYOUTS.iter().find(|layout| layout.code == code)
}

/// The layout links are written with for a bank: the one frozen from its version, or the
/// newest when the bank's version has none (a test keeps the built-in bank covered).
pub(crate) fn layout_for(bank_version: &str) -> &'static LinkLayout {
    LINK_LAYOUTS
        .iter()
        .rev()
        .find(|layout| layout.bank_version == bank_version)
        .unwrap_or(&LINK_LAYOUTS[LINK_LAYOUTS.len() - 1])
}

/// Layout 1: bank 2026.1, 99 questions.
const LAYOUT_1_QUESTIONS: &[(&str, LinkKind)] = &[
    ("s1.shared-table", LinkKind::Scale),
    ("s1.same-page", LinkKind::Scale),
    ("s1.roles", LinkKind::Scale),
    ("s1.convener", LinkKind::Scale),
    ("s1.core-partners", LinkKind::Scale),
    ("s1.supporters", LinkKind::Scale),
    ("s2.sectors", LinkKind::Scale),
    ("s2.lmi", LinkKind::Scale),
    ("s2.sequence", LinkKind::Scale),
    ("s2.footprint", LinkKind::Scale),
    ("s2.data", LinkKind::Scale),
    ("s2.definition", LinkKind::Scale),
    ("s2.scope-geography", LinkKind::Scale),
    ("s2.scope-industry", LinkKind::Scale),
    ("s2.scope-champions", LinkKind::Scale),
    ("s2.scope-membership", LinkKind::Scale),
    ("s2.scope-boundaries", LinkKind::Scale),
    ("s3.ceo-champions", LinkKind::Scale),
    ("s3.who-asks", LinkKind::Scale),
    ("s3.date-place", LinkKind::Scale),
    ("s3.business-venue", LinkKind::Scale),
    ("s3.invite-list", LinkKind::Scale),
    ("s3.invite-timing", LinkKind::Scale),
    ("s3.guest-roles", LinkKind::Scale),
    ("s3.facilitator", LinkKind::Scale),
    ("s4.critical-mass", LinkKind::Scale),
    ("s4.shared-priorities", LinkKind::Scale),
    ("s4.commitments", LinkKind::Scale),
    ("s4.industry-voice", LinkKind::Scale),
    ("s4.debrief", LinkKind::Scale),
    ("s4.hold-back", LinkKind::Scale),
    ("s4.ready-next", LinkKind::Scale),
    ("s5.action-teams", LinkKind::Scale),
    ("s5.business-led", LinkKind::Scale),
    ("s5.lead-champions", LinkKind::Scale),
    ("s5.outcomes", LinkKind::Scale),
    ("s5.partners-value", LinkKind::Scale),
    ("s5.engage-partners", LinkKind::Scale),
    ("s5.next-steps", LinkKind::Scale),
    ("s5.project-management", LinkKind::Scale),
    ("s5.problem-statements", LinkKind::Scale),
    ("s5.action-plan", LinkKind::Scale),
    ("s5.mission", LinkKind::Scale),
    ("s5.governance", LinkKind::Scale),
    ("s6.enduring-value", LinkKind::Scale),
    ("s6.home", LinkKind::Scale),
    ("s6.refresh", LinkKind::Scale),
    ("s6.industry-leads", LinkKind::Scale),
    ("s6.sustainability-plan", LinkKind::Scale),
    ("s6.go-to-table", LinkKind::Scale),
    ("s6.celebrate", LinkKind::Scale),
    ("phase.forming.getting-to-know", LinkKind::Agreement),
    ("phase.forming.mutual-interest", LinkKind::Agreement),
    ("phase.forming.new-relationships", LinkKind::Agreement),
    ("phase.forming.research", LinkKind::Agreement),
    ("phase.forming.who-else", LinkKind::Agreement),
    ("phase.norming.enthusiasm", LinkKind::Agreement),
    ("phase.norming.easy-agreement", LinkKind::Agreement),
    ("phase.norming.something-new", LinkKind::Agreement),
    ("phase.norming.shared-vision", LinkKind::Agreement),
    ("phase.norming.ways-of-working", LinkKind::Agreement),
    ("phase.storming.costs", LinkKind::Agreement),
    ("phase.storming.tension", LinkKind::Agreement),
    ("phase.storming.cumbersome", LinkKind::Agreement),
    ("phase.storming.promises", LinkKind::Agreement),
    ("phase.storming.attendance", LinkKind::Agreement),
    ("phase.performing.results", LinkKind::Agreement),
    ("phase.performing.adjusting", LinkKind::Agreement),
    ("phase.performing.assessing", LinkKind::Agreement),
    ("phase.performing.resources", LinkKind::Agreement),
    ("phase.performing.valuable-meetings", LinkKind::Agreement),
    ("table.champions", LinkKind::Count),
    ("table.companies", LinkKind::Count),
    ("table.launch-support-team", LinkKind::Count),
    ("table.ceos", LinkKind::Count),
    ("table.core-team", LinkKind::Count),
    ("table.wider-team", LinkKind::Count),
    ("table.neutral-facilitator", LinkKind::YesNo),
    ("table.convener-agreed", LinkKind::YesNo),
    ("table.hosted-by-business", LinkKind::YesNo),
    ("pit.competing-initiative", LinkKind::Pitfall),
    ("pit.convener-fight", LinkKind::Pitfall),
    ("pit.charting-course", LinkKind::Pitfall),
    ("pit.understaffing", LinkKind::Pitfall),
    ("pit.assuming-needs", LinkKind::Pitfall),
    ("pit.no-leverage", LinkKind::Pitfall),
    ("pit.labor-pools", LinkKind::Pitfall),
    ("pit.not-adapting", LinkKind::Pitfall),
    ("pit.planning-time", LinkKind::Pitfall),
    ("pit.wasted-time", LinkKind::Pitfall),
    ("pit.tension", LinkKind::Pitfall),
    ("pit.already-doing", LinkKind::Pitfall),
    ("pit.more-funding", LinkKind::Pitfall),
    ("pit.tried-before", LinkKind::Pitfall),
    ("pit.missing-partner", LinkKind::Pitfall),
    ("pit.missing-convener", LinkKind::Pitfall),
    ("pit.missing-employers", LinkKind::Pitfall),
    ("pit.missing-focus", LinkKind::Pitfall),
    ("pit.missing-state", LinkKind::Pitfall),
];

/// Layout 2: bank 2026.2, 108 questions, then the 10 questions 2026.2 retired, so an
/// answer kept from 2026.1 under its old id travels in a link too.
const LAYOUT_2_QUESTIONS: &[(&str, LinkKind)] = &[
    ("s1.shared-table", LinkKind::Scale),
    ("s1.same-page", LinkKind::Scale),
    ("s1.roles", LinkKind::Scale),
    ("s1.convener", LinkKind::Scale),
    ("s1.core-partners", LinkKind::Scale),
    ("s1.supporters", LinkKind::Scale),
    ("s2.sectors", LinkKind::Scale),
    ("s2.lmi", LinkKind::Scale),
    ("s2.sequence", LinkKind::Scale),
    ("s2.footprint", LinkKind::Scale),
    ("s2.data", LinkKind::Scale),
    ("s2.definition", LinkKind::Scale),
    ("s2.scope-geography", LinkKind::Scale),
    ("s2.scope-industry", LinkKind::Scale),
    ("s2.scope-champions", LinkKind::Scale),
    ("s2.scope-membership", LinkKind::Scale),
    ("s2.scope-jurisdiction", LinkKind::Scale),
    ("s3.ceo-champions", LinkKind::Scale),
    ("s3.who-asks", LinkKind::Scale),
    ("s3.date-place", LinkKind::Scale),
    ("s3.business-venue", LinkKind::Scale),
    ("s3.invite-list", LinkKind::Scale),
    ("s3.invite-timing", LinkKind::Scale),
    ("s3.guest-roles", LinkKind::Scale),
    ("s3.facilitator", LinkKind::Scale),
    ("s4.critical-mass", LinkKind::Scale),
    ("s4.shared-priorities", LinkKind::Scale),
    ("s4.commitments", LinkKind::Scale),
    ("s4.champions-open-close", LinkKind::Scale),
    ("s4.three-parts", LinkKind::Scale),
    ("s4.ongoing-engagement", LinkKind::Scale),
    ("s4.debrief", LinkKind::Scale),
    ("s4.hold-back", LinkKind::Scale),
    ("s4.summary-sent", LinkKind::Scale),
    ("s4.team-calls", LinkKind::Scale),
    ("s5.action-teams", LinkKind::Scale),
    ("s5.teams-of-business", LinkKind::Scale),
    ("s5.partners-selective", LinkKind::Scale),
    ("s5.lead-champions", LinkKind::Scale),
    ("s5.outcomes", LinkKind::Scale),
    ("s5.partners-value", LinkKind::Scale),
    ("s5.engage-partners", LinkKind::Scale),
    ("s5.next-steps", LinkKind::Scale),
    ("s5.project-management", LinkKind::Scale),
    ("s5.industry-contributes", LinkKind::Scale),
    ("s5.industry-buzz", LinkKind::Scale),
    ("s5.brokers", LinkKind::Scale),
    ("s5.partners-adapt", LinkKind::Scale),
    ("s5.partners-assets", LinkKind::Scale),
    ("s5.problem-statements", LinkKind::Scale),
    ("s5.action-plan", LinkKind::Scale),
    ("s5.mission", LinkKind::Scale),
    ("s5.governance", LinkKind::Scale),
    ("s5.deeper-analysis", LinkKind::Scale),
    ("s5.short-and-long", LinkKind::Scale),
    ("s6.enduring-value", LinkKind::Scale),
    ("s6.home", LinkKind::Scale),
    ("s6.refresh", LinkKind::Scale),
    ("s6.industry-leads", LinkKind::Scale),
    ("s6.sustainability-plan", LinkKind::Scale),
    ("s6.go-to-table", LinkKind::Scale),
    ("s6.celebrate", LinkKind::Scale),
    ("s6.industry-attends", LinkKind::Scale),
    ("phase.forming.getting-to-know", LinkKind::Agreement),
    ("phase.forming.mutual-interest", LinkKind::Agreement),
    ("phase.forming.new-relationships", LinkKind::Agreement),
    ("phase.forming.research", LinkKind::Agreement),
    ("phase.forming.who-else", LinkKind::Agreement),
    ("phase.norming.enthusiasm", LinkKind::Agreement),
    ("phase.norming.easy-agreement", LinkKind::Agreement),
    ("phase.norming.feels-new", LinkKind::Agreement),
    ("phase.norming.shared-vision", LinkKind::Agreement),
    ("phase.norming.ways-of-working", LinkKind::Agreement),
    ("phase.storming.costs", LinkKind::Agreement),
    ("phase.storming.cumbersome", LinkKind::Agreement),
    ("phase.storming.promises", LinkKind::Agreement),
    ("phase.storming.attendance", LinkKind::Agreement),
    ("phase.performing.results", LinkKind::Agreement),
    ("phase.performing.adjusting", LinkKind::Agreement),
    ("phase.performing.resources", LinkKind::Agreement),
    ("phase.performing.valuable-meetings", LinkKind::Agreement),
    ("phase.performing.routines", LinkKind::Agreement),
    ("phase.performing.roles-settled", LinkKind::Agreement),
    ("table.champions", LinkKind::Count),
    ("table.companies", LinkKind::Count),
    ("table.launch-support-team", LinkKind::Count),
    ("table.ceos", LinkKind::Count),
    ("table.core-team", LinkKind::Count),
    ("table.wider-team", LinkKind::Count),
    ("pit.competing-initiative", LinkKind::Pitfall),
    ("pit.convener-fight", LinkKind::Pitfall),
    ("pit.charting-course", LinkKind::Pitfall),
    ("pit.understaffing", LinkKind::Pitfall),
    ("pit.assuming-needs", LinkKind::Pitfall),
    ("pit.no-leverage", LinkKind::Pitfall),
    ("pit.labor-pools", LinkKind::Pitfall),
    ("pit.not-adapting", LinkKind::Pitfall),
    ("pit.planning-time", LinkKind::Pitfall),
    ("pit.wasted-time", LinkKind::Pitfall),
    ("pit.tension", LinkKind::Pitfall),
    ("pit.already-doing", LinkKind::Pitfall),
    ("pit.more-funding", LinkKind::Pitfall),
    ("pit.tried-before", LinkKind::Pitfall),
    ("pit.missing-partner", LinkKind::Pitfall),
    ("pit.missing-convener", LinkKind::Pitfall),
    ("pit.missing-employers", LinkKind::Pitfall),
    ("pit.missing-focus", LinkKind::Pitfall),
    ("pit.missing-state", LinkKind::Pitfall),
    ("s2.scope-boundaries", LinkKind::Scale),
    ("s4.industry-voice", LinkKind::Scale),
    ("s4.ready-next", LinkKind::Scale),
    ("s5.business-led", LinkKind::Scale),
    ("phase.norming.something-new", LinkKind::Agreement),
    ("phase.storming.tension", LinkKind::Agreement),
    ("phase.performing.assessing", LinkKind::Agreement),
    ("table.neutral-facilitator", LinkKind::YesNo),
    ("table.convener-agreed", LinkKind::YesNo),
    ("table.hosted-by-business", LinkKind::YesNo),
];
