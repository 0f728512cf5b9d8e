//! Tests of the built-in bank's content and of bank validation.

use std::collections::HashSet;

use super::*;

fn bank() -> &'static Bank {
    Bank::builtin()
}

fn question(id: &str) -> &'static Question {
    bank()
        .question(id)
        .unwrap_or_else(|| panic!("question {id} is missing from the bank"))
}

#[test]
fn the_builtin_bank_loads_with_its_version() {
    assert_eq!(bank().version(), crate::BANK_VERSION);
}

#[test]
fn sections_come_in_the_product_order() {
    let order: Vec<(&str, SectionKind)> = bank()
        .sections()
        .iter()
        .map(|s| (s.id(), s.kind()))
        .collect();
    assert_eq!(
        order,
        [
            ("s1", SectionKind::LaunchStep(1)),
            ("s2", SectionKind::LaunchStep(2)),
            ("s3", SectionKind::LaunchStep(3)),
            ("s4", SectionKind::LaunchStep(4)),
            ("s5", SectionKind::LaunchStep(5)),
            ("s6", SectionKind::LaunchStep(6)),
            ("phases", SectionKind::Phases),
            ("table", SectionKind::Table),
            ("pitfalls", SectionKind::Pitfalls),
        ]
    );
    let titles: Vec<&str> = bank().launch_steps().map(|s| s.title()).collect();
    assert_eq!(
        titles,
        [
            "Build the regional support team and make the case",
            "Define the scope of industry focus",
            "Prepare to launch",
            "Launch",
            "Move to action",
            "Evolve and sustain",
        ]
    );
}

#[test]
fn ids_are_unique_across_sections_questions_and_help_areas() {
    let mut seen = HashSet::new();
    for section in bank().sections() {
        assert!(seen.insert(("section", section.id())), "{}", section.id());
        for q in section.questions() {
            assert!(seen.insert(("question", q.id())), "{}", q.id());
            assert_eq!(
                bank().section_of(q.id()).map(Section::id),
                Some(section.id())
            );
        }
    }
    for area in bank().help_areas() {
        assert!(seen.insert(("help area", area.id())), "{}", area.id());
    }
}

#[test]
fn every_source_names_a_seed_and_a_part() {
    let credited: HashSet<&str> = bank().sources().iter().map(|s| s.seed()).collect();
    assert_eq!(credited, SEEDS.into_iter().collect::<HashSet<_>>());
    let sources = bank()
        .sections()
        .iter()
        .map(|s| (s.id(), s.source()))
        .chain(bank().questions().map(|q| (q.id(), q.source())));
    for (id, source) in sources {
        assert!(
            SEEDS.contains(&source.seed()),
            "{id} names seed {}",
            source.seed()
        );
        assert!(!source.part().trim().is_empty(), "{id} has no part");
    }
}

#[test]
fn every_question_and_gate_has_advice_for_a_weak_answer() {
    for q in bank().questions() {
        assert!(q.advice().len() > 10, "{} has no real advice", q.id());
        if let Some(condition) = q.gate() {
            assert!(!condition.is_empty(), "{} gate has no condition", q.id());
        }
    }
}

/// The guiding questions of seed 001, one id per question or sub-question, plus the "getting
/// the scope just right" questions. Deleting any of them from the bank fails this test.
const GUIDING_QUESTIONS: &[(&str, &[&str])] = &[
    ("s1", &["s1.shared-table", "s1.roles", "s1.convener"]),
    (
        "s2",
        &[
            "s2.sectors",
            "s2.lmi",
            "s2.sequence",
            "s2.footprint",
            "s2.scope-geography",
            "s2.scope-industry",
            "s2.scope-champions",
            "s2.scope-membership",
            "s2.scope-jurisdiction",
        ],
    ),
    (
        "s3",
        &[
            "s3.ceo-champions",
            "s3.date-place",
            "s3.invite-list",
            "s3.invite-sent",
            "s3.invite-follow-up",
        ],
    ),
    (
        "s4",
        &[
            "s4.critical-mass",
            "s4.shared-priorities",
            "s4.commitments",
            "s4.debrief",
            "s4.hold-back",
            "s4.summary-sent",
            "s4.team-calls",
        ],
    ),
    (
        "s5",
        &[
            "s5.action-teams",
            "s5.teams-of-business",
            "s5.partners-selective",
            "s5.lead-champions",
            "s5.outcomes",
            "s5.partners-value",
            "s5.engage-partners",
        ],
    ),
    ("s6", &["s6.enduring-value", "s6.home", "s6.refresh"]),
];

#[test]
fn every_guiding_question_of_the_launch_slides_is_asked_in_its_step() {
    for (section_id, ids) in GUIDING_QUESTIONS {
        for id in *ids {
            let q = question(id);
            assert_eq!(
                bank().section_of(id).map(Section::id),
                Some(*section_id),
                "{id}"
            );
            assert_eq!(
                q.source().seed(),
                "001",
                "{id} should cite the launch slides"
            );
            assert_eq!(q.kind(), &QuestionKind::Scale, "{id}");
        }
    }
}

#[test]
fn the_gates_sit_on_the_essential_conditions() {
    let gates: Vec<(&str, &str)> = bank()
        .questions()
        .filter_map(|q| q.gate().map(|g| (q.id(), g)))
        .collect();
    assert_eq!(
        gates,
        [
            ("s1.convener", "An agreed lead convener or co-conveners"),
            (
                "s2.sectors",
                "The sector to act on, agreed by the regional team"
            ),
            (
                "s3.ceo-champions",
                "At least two CEO champions who will sign the invitation"
            ),
            (
                "s4.shared-priorities",
                "A shared set of priorities from the launch"
            ),
            (
                "s5.action-teams",
                "Action teams set up around the businesses' priorities"
            ),
            ("s6.refresh", "A process to reassess and refresh the agenda"),
            // Step 6 is never sustained without a plan for sustaining the partnership.
            (
                "s6.sustainability-plan",
                "A plan for sustaining the partnership"
            ),
        ]
    );
}

#[test]
fn each_phase_has_at_least_four_indicators_in_the_source_order() {
    let section = bank().section("phases").expect("phases section");
    let phases: Vec<Phase> = section
        .questions()
        .iter()
        .map(|q| match q.kind() {
            QuestionKind::Agreement(phase) => *phase,
            other => panic!("{} is {other:?}, not an indicator", q.id()),
        })
        .collect();
    let mut sorted = phases.clone();
    sorted.sort();
    assert_eq!(
        phases, sorted,
        "indicators should run Forming, Norming, Storming, Performing"
    );
    // A phase's indicators are its statements and the questions elsewhere read as its signs
    // (the pitfalls of reality hitting are Storming's), each fact asked once.
    for phase in Phase::ALL {
        let statements = phases.iter().filter(|p| **p == phase).count();
        let signs = bank()
            .questions()
            .filter(|q| q.phase_sign() == Some(phase))
            .count();
        let n = statements + signs;
        assert!(n >= 4, "{phase} has only {n} indicators");
        assert!(statements >= 1, "{phase} has no statement of its own");
    }
    // Most statements come from the phases of 002; a few name the pitfall they come from
    // (002's pitfalls, or 000's "no one has time to waste").
    for q in section.questions() {
        let part = q.source().part();
        let exact = part.starts_with("Partnership phases") || part.starts_with("Pitfalls");
        assert!(
            ["000", "002"].contains(&q.source().seed()) && exact,
            "{}",
            q.id()
        );
    }
    for id in [
        "pit.understaffing",
        "pit.wasted-time",
        "pit.planning-time",
        "pit.tension",
    ] {
        assert_eq!(question(id).phase_sign(), Some(Phase::Storming), "{id}");
    }
}

fn range(id: &str) -> &'static CountRange {
    match question(id).kind() {
        QuestionKind::Count(range) => range,
        other => panic!("{id} is {other:?}, not a count"),
    }
}

#[test]
fn the_table_counts_carry_the_seed_numbers() {
    let check = |id: &str, min: Option<u32>, max: Option<u32>, text: &str| {
        let r = range(id);
        assert_eq!((r.min(), r.max()), (min, max), "{id}");
        assert_eq!(r.range_text().as_deref(), Some(text), "{id}");
        assert_eq!(question(id).source().seed(), "003", "{id}");
        assert!(
            question(id).why().is_some_and(|w| w.len() > 20),
            "{id} needs a why"
        );
    };
    check("table.companies", Some(12), Some(60), "12 to 60");
    check("table.launch-support-team", None, Some(12), "up to 12");
    check("table.core-team", Some(6), Some(12), "6 to 12");
    check("table.wider-team", Some(25), None, "25 or more");
    assert_eq!(range("table.core-team").not_more_than(), Some("table.ceos"));
    assert!(range("table.ceos").is_open());
}

/// Five facts were asked twice in 2026.1. Each is asked once now; the table check or the
/// phase that needs it reads the one answer.
#[test]
fn a_fact_is_asked_once_and_read_where_it_is_needed() {
    for (kept, retired) in [
        ("s1.convener", "table.convener-agreed"),
        ("s3.launch-at-business", "table.hosted-by-business"),
        ("s3.facilitator-neutral", "table.neutral-facilitator"),
        ("s6.celebrate", "phase.performing.assessing"),
        ("pit.tension", "phase.storming.tension"),
        // 2026.3
        ("pit.understaffing", "phase.storming.promises"),
        ("pit.wasted-time", "phase.storming.attendance"),
        ("pit.planning-time", "phase.storming.cumbersome"),
        ("s3.ceo-champions", "table.champions"),
    ] {
        assert!(
            bank().question(retired).is_none(),
            "{retired} is asked again"
        );
        let note = bank()
            .retired_question(retired)
            .unwrap_or_else(|| panic!("{retired} is not listed as retired"))
            .note();
        assert!(note.contains("Asked once"), "{retired}: {note}");
        let q = question(kept);
        assert!(
            q.is_table_check() || q.phase_sign().is_some(),
            "{kept} is not read"
        );
    }
    assert_eq!(
        question("s6.celebrate").phase_sign(),
        Some(Phase::Performing)
    );
    assert_eq!(question("pit.tension").phase_sign(), Some(Phase::Storming));
    let role_checks: Vec<&str> = bank()
        .questions()
        .filter(|q| q.is_table_check())
        .map(|q| q.id())
        .collect();
    assert_eq!(
        role_checks,
        [
            "s1.convener",
            "s3.ceo-champions",
            "s3.launch-at-business",
            "s3.facilitator-neutral"
        ]
    );
    for id in role_checks {
        assert!(question(id).why().is_some(), "{id}");
        assert_ne!(question(id).label(), question(id).text(), "{id}");
    }
}

/// The seed's hedges: "consider 2-6" champions, "about 12" at the launch, a core team that
/// may run 6-12, a wider team of 25 or more that can be smaller. Outside those, a note with
/// advice; the firm numbers (at least two CEOs, twelve companies) and outnumbering the CEOs
/// stay concerns.
#[test]
fn the_table_counts_follow_the_seeds_hedges() {
    let notes = |id: &str| (range(id).below_note(), range(id).above_note());
    // The seed gives twelve to sixty companies with no hedge: both ends are concerns.
    assert!(matches!(notes("table.companies"), (None, None)));
    assert!(question("table.companies")
        .advice()
        .contains("small tables"));
    assert!(!question("table.companies").text().contains("about sixty"));
    assert!(!question("table.companies")
        .why()
        .unwrap_or_default()
        .contains("about sixty"));
    assert!(matches!(
        notes("table.launch-support-team"),
        (None, Some(_))
    ));
    assert!(matches!(notes("table.core-team"), (Some(_), Some(_))));
    assert!(matches!(notes("table.wider-team"), (Some(_), None)));
    assert!(question("table.core-team").advice().contains("outnumber"));
}

#[test]
fn pitfall_watch_holds_eight_three_and_three_each_with_a_tip() {
    let section = bank().section("pitfalls").expect("pitfalls section");
    let count = |seed: &str, kind: PitfallKind| {
        section
            .questions()
            .iter()
            .filter(|q| q.source().seed() == seed && q.kind() == &QuestionKind::Pitfall(kind))
            .count()
    };
    assert_eq!(
        count("002", PitfallKind::Pitfall),
        8,
        "the eight pitfalls of 002"
    );
    assert_eq!(
        count("000", PitfallKind::Pitfall),
        3,
        "the three pitfalls of 000"
    );
    assert_eq!(
        count("004", PitfallKind::Objection),
        3,
        "the three objections of 004"
    );
    // The fifth missing element of 004, a clear focus on one industry, is asked once: in
    // step 2, as the sector the regional team agreed (its help names 004).
    assert_eq!(
        count("004", PitfallKind::Missing),
        4,
        "four of the five missing elements of 004"
    );
    assert!(question("s2.sectors")
        .help()
        .is_some_and(|h| h.contains("Getting Started: Early Pitfalls")));
    for q in section.questions() {
        assert!(
            q.advice().len() > 20,
            "{} needs its tip or response",
            q.id()
        );
    }
}

#[test]
fn help_areas_cover_every_step_and_the_common_asks() {
    for step in bank().launch_steps() {
        assert!(
            bank()
                .help_areas()
                .iter()
                .any(|a| a.section() == Some(step.id())),
            "no help area for {}",
            step.id()
        );
    }
    for id in ["facilitation", "data", "employer-recruitment"] {
        assert!(bank().help_area(id).is_some(), "{id}");
    }
}

#[test]
fn the_bank_never_calls_the_product_next_gen() {
    let texts = bank().sections().iter().flat_map(|s| {
        [s.title(), s.intro()].into_iter().chain(
            s.questions()
                .iter()
                .flat_map(|q| [q.text(), q.advice(), q.help().unwrap_or("")]),
        )
    });
    for text in texts {
        assert!(!text.contains("Next Gen"), "{text}");
    }
}

/// Lower-case words of a text, with punctuation and curly quotes dropped.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The questions are in the project's own words: none repeats a long run of a seed's words.
/// The seeds live beside the project in `shared/seeds`; where they are absent the test has
/// nothing to compare with and passes.
#[test]
fn questions_paraphrase_rather_than_copy_the_seeds() {
    const RUN: usize = 9;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut runs = HashSet::new();
    for entry in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let w = words(&text);
        for run in w.windows(RUN) {
            runs.insert(run.join(" "));
        }
    }
    for q in bank().questions() {
        let w = words(q.text());
        for run in w.windows(RUN) {
            let run = run.join(" ");
            assert!(
                !runs.contains(&run),
                "{} copies the seed: \"{run}\"",
                q.id()
            );
        }
    }
}

#[test]
fn choices_list_the_scale_then_dont_know_and_not_applicable() {
    let labels = |id: &str| -> Vec<&str> {
        bank()
            .choices(question(id))
            .iter()
            .map(|c| c.label)
            .collect()
    };
    assert_eq!(
        labels("s1.convener"),
        [
            "Not yet",
            "Started",
            "Mostly",
            "Done",
            "Don't know",
            "Not applicable"
        ]
    );
    assert_eq!(
        labels("phase.forming.getting-to-know"),
        [
            "Disagree",
            "Somewhat disagree",
            "Somewhat agree",
            "Agree",
            "Don't know",
            "Not applicable"
        ]
    );
    assert_eq!(labels("table.companies"), ["Don't know", "Not applicable"]);
    assert_eq!(
        labels("pit.tension"),
        ["No", "A little", "Yes", "Don't know", "Not applicable"]
    );
    for q in bank().questions() {
        for choice in bank().choices(q) {
            assert!(
                q.accepts(&choice.answer),
                "{} offers {:?}",
                q.id(),
                choice.answer
            );
        }
    }
}

/// The built-in bank's source text. The app carries it as the static that `build.rs` writes;
/// the tests also read the text itself.
const BUILTIN_JSON: &str = include_str!("../../bank/bank.json");

#[test]
fn the_builtin_static_is_the_bank_json_read_at_run_time() {
    let parsed = Bank::from_json(BUILTIN_JSON).expect("bank.json is a valid bank");
    // Every text, count and flag of the bank is in this comparison of the public types.
    assert_eq!(&parsed, bank());
}

/// Applies `edit` to the built-in bank's JSON and loads the result.
fn load_edited(edit: impl FnOnce(&mut serde_json::Value)) -> Result<Bank, BankError> {
    let mut value: serde_json::Value =
        serde_json::from_str(BUILTIN_JSON).expect("the built-in bank is JSON");
    edit(&mut value);
    Bank::from_json(&value.to_string())
}

fn first_question(value: &mut serde_json::Value) -> &mut serde_json::Value {
    &mut value["sections"][0]["questions"][0]
}

fn check_rejected(edit: impl FnOnce(&mut serde_json::Value), expected: BankError) {
    let err = load_edited(edit).expect_err("the edited bank should be rejected");
    assert_eq!(err, expected, "{err}");
}

#[test]
fn validation_rejects_broken_banks_with_a_message_to_act_on() {
    // A question presupposes or bridges to a gate, never to a plain question or a later step's
    // gate; only a gate says what its Don't know means.
    check_rejected(
        |v| first_question(v)["presupposes"] = "s1.roles".into(),
        BankError::BadQuestion {
            id: "s1.shared-table".into(),
            problem: "\"presupposes\" a question that is not a gate of the same launch step or an earlier one".into(),
        },
    );
    check_rejected(
        |v| first_question(v)["presupposes"] = "s5.action-teams".into(),
        BankError::BadQuestion {
            id: "s1.shared-table".into(),
            problem: "\"presupposes\" a question that is not a gate of the same launch step or an earlier one".into(),
        },
    );
    check_rejected(
        |v| v["sections"][4]["questions"][0]["bridges_to"] = "s1.convener".into(),
        BankError::BadQuestion {
            id: "s5.action-teams".into(),
            problem: "\"bridges_to\" a question that is not a gate of the same launch step or a later one".into(),
        },
    );
    check_rejected(
        |v| first_question(v)["gate_dont_know"] = "not_yet".into(),
        BankError::BadQuestion {
            id: "s1.shared-table".into(),
            problem: "has a \"gate_dont_know\" but is not a gate".into(),
        },
    );
    check_rejected(
        |v| *first_question(v).get_mut("id").expect("id") = "s1.roles".into(),
        BankError::DuplicateId {
            item: "question",
            id: "s1.roles".into(),
        },
    );
    check_rejected(
        |v| first_question(v)["source"]["seed"] = "007".into(),
        BankError::UnknownSeed {
            item: "Question \"s1.shared-table\"".into(),
            seed: "007".into(),
        },
    );
    check_rejected(
        |v| first_question(v)["source"]["part"] = " ".into(),
        BankError::EmptyText {
            item: "Question \"s1.shared-table\"".into(),
            field: "source part",
        },
    );
    check_rejected(
        |v| first_question(v)["advice"] = "".into(),
        BankError::MissingAdvice {
            id: "s1.shared-table".into(),
        },
    );
    check_rejected(
        |v| v["sections"][1]["step"] = 3.into(),
        BankError::StepOrder {
            section: "s2".into(),
            found: 3,
            expected: 2,
        },
    );
    check_rejected(
        |v| first_question(v)["id"] = "S1 Shared".into(),
        BankError::BadId {
            item: "question",
            id: "S1 Shared".into(),
        },
    );
    check_rejected(
        |v| v["help_areas"][0]["id"] = "scope".into(),
        BankError::DuplicateId {
            item: "help area",
            id: "scope".into(),
        },
    );
    check_rejected(
        |v| v["sections"][1]["id"] = "s1".into(),
        BankError::DuplicateId {
            item: "section",
            id: "s1".into(),
        },
    );
    let err = load_edited(|v| {
        let table = v["sections"]
            .as_array_mut()
            .and_then(|s| s.iter_mut().find(|s| s["id"] == "table"))
            .expect("table section");
        table["questions"][4]["not_more_than"] = "table.nobody".into();
    })
    .expect_err("a comparison with a missing count");
    assert!(
        err.to_string()
            .contains("\"table.nobody\", which is not in the bank"),
        "{err}"
    );

    let err = load_edited(|v| {
        v["retired"][0]["moved_to"] = serde_json::json!(["s1.nowhere"]);
    })
    .expect_err("a split into a question that does not exist");
    assert!(err.to_string().contains("\"s1.nowhere\""), "{err}");

    let err = load_edited(|v| v["retired"][0]["id"] = "s1.convener".into())
        .expect_err("a retired id still asked");
    assert!(err.to_string().contains("s1.convener"), "{err}");

    let err = load_edited(|v| v["sections"][6]["questions"][0]["gate"] = "Something".into())
        .expect_err("a gate on a phase indicator");
    assert!(
        err.to_string()
            .contains("only launch-step scale questions can be gates"),
        "{err}"
    );

    let err = load_edited(|v| {
        v["sections"][6]["questions"][0]
            .as_object_mut()
            .expect("object")
            .remove("phase");
    })
    .expect_err("an indicator without a phase");
    assert!(err.to_string().contains("\"phase\""), "{err}");

    let err = Bank::from_json("{ \"bank_version\": ").expect_err("truncated JSON");
    assert!(matches!(err, BankError::Json { line: 1, .. }), "{err}");
    assert!(err
        .to_string()
        .starts_with("The question bank could not be read at line 1"));
}

/// The question of this id in the bank's JSON.
fn question_in<'a>(value: &'a mut serde_json::Value, id: &str) -> &'a mut serde_json::Value {
    value["sections"]
        .as_array_mut()
        .expect("sections")
        .iter_mut()
        .flat_map(|section| {
            section["questions"]
                .as_array_mut()
                .expect("questions")
                .iter_mut()
        })
        .find(|question| question["id"] == id)
        .unwrap_or_else(|| panic!("{id} is in bank.json"))
}

fn without(value: &mut serde_json::Value, field: &str) {
    value.as_object_mut().expect("an object").remove(field);
}

fn bad_question(id: &str, problem: &str) -> BankError {
    BankError::BadQuestion {
        id: id.into(),
        problem: problem.into(),
    }
}

fn empty(item: &str, field: &'static str) -> BankError {
    BankError::EmptyText {
        item: item.into(),
        field,
    }
}

/// Every check of `check.rs` that the test above leaves alone, each broken once on its own in
/// the built-in bank: without the check, the bank would be read, or refused by another check
/// with another message.
#[test]
fn each_check_refuses_the_bank_that_breaks_it() {
    check_rejected(
        |v| v["bank_version"] = " ".into(),
        empty("The bank", "bank_version"),
    );
    check_rejected(
        |v| v["sources"][0]["seed"] = "005".into(),
        BankError::UnknownSeed {
            item: "Source \"005\"".into(),
            seed: "005".into(),
        },
    );
    check_rejected(
        |v| v["sources"][1]["seed"] = "000".into(),
        BankError::DuplicateId {
            item: "source",
            id: "000".into(),
        },
    );
    check_rejected(
        |v| v["sources"][0]["title"] = "".into(),
        empty("Source \"000\"", "title"),
    );
    check_rejected(
        |v| v["sources"][0]["used_for"] = "".into(),
        empty("Source \"000\"", "used_for"),
    );

    // Sections.
    check_rejected(
        |v| v["sections"][0]["id"] = "S1".into(),
        BankError::BadId {
            item: "section",
            id: "S1".into(),
        },
    );
    check_rejected(
        |v| v["sections"][6]["step"] = 7.into(),
        BankError::StepOrder {
            section: "phases".into(),
            found: 7,
            expected: 0,
        },
    );
    check_rejected(
        |v| v["sections"][7]["kind"] = "phases".into(),
        BankError::RepeatedSection { kind: "phases" },
    );
    check_rejected(
        |v| v["sections"][8]["questions"] = serde_json::json!([]),
        empty("Section \"pitfalls\"", "list of questions"),
    );
    check_rejected(
        |v| v["sections"][0]["title"] = "".into(),
        empty("Section \"s1\"", "title"),
    );
    check_rejected(
        |v| v["sections"][0]["intro"] = " ".into(),
        empty("Section \"s1\"", "intro"),
    );
    check_rejected(
        |v| v["sections"][0]["source"]["seed"] = "007".into(),
        BankError::UnknownSeed {
            item: "Section \"s1\"".into(),
            seed: "007".into(),
        },
    );

    // Questions: each field fits the question's kind and section.
    check_rejected(
        |v| first_question(v)["kind"] = "count".into(),
        bad_question("s1.shared-table", "is of a kind its section does not take: launch steps take \"scale\" or \"yes_no\", phases \"agreement\", the table \"count\" or \"yes_no\", pitfalls \"pitfall\""),
    );
    check_rejected(
        |v| without(question_in(v, "pit.competing-initiative"), "pitfall"),
        bad_question("pit.competing-initiative", "needs a \"pitfall\" kind (pitfall, objection or missing) if and only if it is a \"pitfall\" question"),
    );
    check_rejected(
        |v| first_question(v)["expected"] = true.into(),
        bad_question(
            "s1.shared-table",
            "needs an \"expected\" answer if and only if it is a \"yes_no\" question",
        ),
    );
    check_rejected(
        |v| first_question(v)["min"] = 1.into(),
        bad_question("s1.shared-table", "has \"min\", \"max\", \"not_more_than\", \"below\" or \"above\", which only counts take"),
    );
    check_rejected(
        |v| question_in(v, "table.launch-support-team")["below"] = "Too few.".into(),
        bad_question(
            "table.launch-support-team",
            "has a \"below\" note without a \"min\", or an \"above\" note without a \"max\"",
        ),
    );
    check_rejected(
        |v| question_in(v, "table.companies")["phase_sign"] = "storming".into(),
        bad_question("table.companies", "has a \"phase_sign\", which only launch-step and pitfall questions take (a phase statement has its \"phase\")"),
    );
    check_rejected(
        |v| question_in(v, "phase.forming.getting-to-know")["table_check"] = true.into(),
        bad_question(
            "phase.forming.getting-to-know",
            "is a \"table_check\" but only launch-step questions can be read as role checks",
        ),
    );
    check_rejected(
        |v| question_in(v, "table.companies")["min"] = 70.into(),
        bad_question("table.companies", "has a \"min\" larger than its \"max\""),
    );
    check_rejected(
        |v| without(question_in(v, "table.companies"), "label"),
        bad_question(
            "table.companies",
            "is a count or role check without a short \"label\"",
        ),
    );
    check_rejected(
        |v| question_in(v, "table.companies")["why"] = " ".into(),
        bad_question(
            "table.companies",
            "is a count or role check without a \"why\": say why the expectation matters",
        ),
    );
    check_rejected(
        |v| question_in(v, "s1.convener")["gate"] = " ".into(),
        empty("Question \"s1.convener\"", "gate condition"),
    );
    check_rejected(
        |v| first_question(v)["since"] = "soon".into(),
        bad_question(
            "s1.shared-table",
            "has a \"since\" that is not a bank version such as 2026.2",
        ),
    );
    check_rejected(
        |v| first_question(v)["text"] = "".into(),
        empty("Question \"s1.shared-table\"", "text"),
    );

    // Help areas, scales, retired questions.
    check_rejected(
        |v| v["help_areas"][0]["id"] = "Support team".into(),
        BankError::BadId {
            item: "help area",
            id: "Support team".into(),
        },
    );
    check_rejected(
        |v| v["help_areas"][0]["section"] = "s9".into(),
        BankError::UnknownReference {
            item: "Help area \"support-team\"".into(),
            target: "s9".into(),
        },
    );
    check_rejected(
        |v| v["help_areas"][0]["label"] = "".into(),
        empty("Help area \"support-team\"", "label"),
    );
    check_rejected(
        |v| v["scales"]["scale"][1] = " ".into(),
        empty("The answer scales", "label"),
    );
    check_rejected(
        |v| v["retired"][0]["id"] = "Scope boundaries".into(),
        BankError::BadId {
            item: "retired question",
            id: "Scope boundaries".into(),
        },
    );
    check_rejected(
        |v| v["retired"][0]["expected"] = true.into(),
        bad_question("s2.scope-boundaries", "has fields its kind does not take, or lacks one it needs (\"phase\", \"pitfall\" or \"expected\")"),
    );
    check_rejected(
        |v| v["retired"][0]["retired_in"] = "later".into(),
        bad_question(
            "s2.scope-boundaries",
            "has a \"retired_in\" that is not a bank version such as 2026.2",
        ),
    );
    check_rejected(
        |v| v["retired"][0]["text"] = "".into(),
        empty("Retired question \"s2.scope-boundaries\"", "text"),
    );
    check_rejected(
        |v| v["retired"][0]["note"] = " ".into(),
        empty("Retired question \"s2.scope-boundaries\"", "note"),
    );
}

#[test]
fn a_gate_is_listed_by_its_condition_and_any_other_question_by_its_label() {
    let convener = question("s1.convener");
    assert_eq!(convener.gate_label(), convener.gate().expect("a gate"));
    for q in bank().questions().filter(|q| !q.is_gate()) {
        assert_eq!(q.gate_label(), q.label(), "{}", q.id());
    }
}

/// Every item bank 2026.2 added, with the seed and part it comes from. Deleting one from the
/// bank, or losing its source, fails this test.
const NEW_IN_2026_2: &[(&str, &str, &str)] = &[
    (
        "s2.scope-jurisdiction",
        "001",
        "Getting the scope just right",
    ),
    (
        "s4.champions-open-close",
        "003",
        "2. Launching, roles of industry champions",
    ),
    (
        "s4.three-parts",
        "003",
        "2. Launching, role of the facilitator",
    ),
    (
        "s4.ongoing-engagement",
        "003",
        "2. Launching, roles of industry champions",
    ),
    ("s4.summary-sent", "001", "Step 4, guiding questions"),
    ("s4.team-calls", "001", "Step 4, guiding questions"),
    (
        "s5.teams-of-business",
        "001",
        "Step 5, guiding questions (sub-question)",
    ),
    (
        "s5.partners-selective",
        "001",
        "Step 5, guiding questions (sub-question)",
    ),
    (
        "s5.industry-contributes",
        "003",
        "3. Moving to action, roles of industry leaders",
    ),
    (
        "s5.industry-buzz",
        "003",
        "3. Moving to action, roles of industry leaders",
    ),
    (
        "s5.brokers",
        "003",
        "3. Moving to action, roles of convener or co-conveners",
    ),
    (
        "s5.partners-adapt",
        "003",
        "2. Launching, roles of the support team: adapting programs to what they hear",
    ),
    (
        "s5.partners-assets",
        "003",
        "3. Moving to action, roles of the support team",
    ),
    ("s5.deeper-analysis", "000", "First and second meetings"),
    ("s5.short-and-long", "000", "First meeting"),
    (
        "phase.norming.feels-new",
        "002",
        "Partnership phases: Norming; tip on formally launching",
    ),
    (
        "phase.performing.routines",
        "002",
        "Partnership phases: Performing (settling in and moving forward)",
    ),
    (
        "phase.performing.roles-settled",
        "002",
        "Partnership phases: Performing (settling in and moving forward)",
    ),
];

/// Every item bank 2026.3 added: the parts of the questions it split, the Storming statement
/// that describes the present, the quarterly meetings, the launch as something new, and the
/// launch venue asked as a fact.
const NEW_IN_2026_3: &[(&str, &str, &str)] = &[
    (
        "s1.supporters-network",
        "001",
        "Step 1, network of supporters",
    ),
    (
        "s1.supporters-informed",
        "001",
        "Step 1, network of supporters",
    ),
    (
        "s3.launch-at-business",
        "001",
        "Step 3, guiding questions (sub-question)",
    ),
    (
        "s3.invite-sent",
        "001",
        "Step 3, guiding questions (sub-question)",
    ),
    (
        "s3.invite-follow-up",
        "001",
        "Step 3, guiding questions (sub-question)",
    ),
    (
        "s3.facilitator-process",
        "003",
        "1. Preparing to launch, facilitator",
    ),
    ("s3.facilitator-neutral", "003", "2. Launching, facilitator"),
    (
        "s4.launched-as-new",
        "002",
        "Tip: launch the initiative as something new",
    ),
    ("s5.problem-stated", "000", "First and second meetings"),
    ("s5.impact-stated", "000", "First and second meetings"),
    ("s5.strategies-stated", "000", "First and second meetings"),
    (
        "s6.go-to-table-companies",
        "003",
        "4. Sustainable implementation, roles of industry",
    ),
    (
        "s6.go-to-table-partners",
        "003",
        "4. Sustainable implementation, roles of the core planning team",
    ),
    (
        "s6.quarterly-meetings",
        "003",
        "3. Moving to action, roles of industry leaders",
    ),
    (
        "s6.attend-action-teams",
        "003",
        "3. Moving to action, roles of industry leaders",
    ),
    (
        "s6.attend-quarterly",
        "003",
        "3. Moving to action, roles of industry leaders",
    ),
    (
        "phase.storming.strain",
        "002",
        "Partnership phases: Storming (reality hits); tip on partners' costs",
    ),
];

#[test]
fn every_item_new_since_the_first_bank_is_asked_with_its_seed_and_part() {
    for (version, items) in [("2026.2", NEW_IN_2026_2), ("2026.3", NEW_IN_2026_3)] {
        for (id, seed, part) in items {
            let q = question(id);
            assert_eq!(q.source().seed(), *seed, "{id}");
            assert_eq!(q.source().part(), *part, "{id}");
            assert_eq!(q.since(), Some(version), "{id}");
        }
    }
    let marked: Vec<&str> = bank()
        .questions()
        .filter(|q| q.since().is_some())
        .map(|q| q.id())
        .collect();
    let listed: HashSet<&str> = NEW_IN_2026_2
        .iter()
        .chain(NEW_IN_2026_3)
        .map(|(id, _, _)| *id)
        .collect();
    for id in &marked {
        assert!(listed.contains(id), "{id} is new but not listed here");
    }
    assert_eq!(marked.len(), listed.len());
}

#[test]
fn every_question_asks_in_under_thirty_words() {
    for q in bank().questions() {
        let n = q.text().split_whitespace().count();
        assert!(n <= 30, "{} has {n} words", q.id());
    }
}

/// Every sentence of the bank is the project's own: none repeats a run of twelve or more
/// words of a seed (texts, help, advice, notes, why, gates, intros, titles).
#[test]
fn no_sentence_of_the_bank_copies_twelve_words_of_a_seed() {
    const RUN: usize = 12;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut runs = HashSet::new();
    for entry in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        for run in words(&text).windows(RUN) {
            runs.insert(run.join(" "));
        }
    }
    assert!(!runs.is_empty(), "the seeds were read");
    let mut texts: Vec<(String, &str)> = Vec::new();
    for s in bank().sections() {
        texts.push((s.id().to_string(), s.title()));
        texts.push((s.id().to_string(), s.intro()));
        for q in s.questions() {
            let id = q.id().to_string();
            texts.extend([(id.clone(), q.text()), (id.clone(), q.advice())]);
            for extra in [q.help(), q.why(), q.gate()].into_iter().flatten() {
                texts.push((id.clone(), extra));
            }
            if let QuestionKind::Count(range) = q.kind() {
                for note in [range.below_note(), range.above_note()]
                    .into_iter()
                    .flatten()
                {
                    texts.push((id.clone(), note));
                }
            }
        }
    }
    for r in bank().retired() {
        texts.push((r.id().to_string(), r.note()));
    }
    for (id, text) in texts {
        for run in words(text).windows(RUN) {
            let run = run.join(" ");
            assert!(!runs.contains(&run), "{id} copies a seed: \"{run}\"");
        }
    }
}

#[test]
fn concrete_advice_where_the_issue_asked_for_it() {
    assert!(question("pit.understaffing")
        .advice()
        .contains("coordinator with dedicated hours"));
    assert!(question("pit.more-funding")
        .advice()
        .starts_with("Start by mapping"));
    assert!(question("s2.scope-jurisdiction")
        .text()
        .contains("beyond our own jurisdictional boundaries"));
}

#[test]
fn retired_questions_move_where_the_meaning_is_the_same() {
    let moved = |id: &str| -> Vec<&str> {
        bank()
            .retired_question(id)
            .map(|r| r.moved_to().iter().map(String::as_str).collect())
            .unwrap_or_default()
    };
    assert_eq!(
        moved("s4.industry-voice"),
        ["s4.champions-open-close", "s4.three-parts"]
    );
    assert_eq!(moved("s4.ready-next"), ["s4.summary-sent", "s4.team-calls"]);
    assert_eq!(
        moved("s5.business-led"),
        ["s5.teams-of-business", "s5.partners-selective"]
    );
    for id in [
        "s2.scope-boundaries",
        "phase.norming.something-new",
        "table.convener-agreed",
    ] {
        assert!(moved(id).is_empty(), "{id} keeps its answer");
    }
    // 2026.3: each split question moves its answer to every part; a fact now asked in
    // another section keeps its answer and lists it.
    assert_eq!(
        moved("s3.facilitator"),
        ["s3.facilitator-process", "s3.facilitator-neutral"]
    );
    assert_eq!(
        moved("s5.problem-statements"),
        [
            "s5.problem-stated",
            "s5.impact-stated",
            "s5.strategies-stated"
        ]
    );
    assert_eq!(
        moved("s6.industry-attends"),
        ["s6.attend-action-teams", "s6.attend-quarterly"]
    );
    for id in [
        "phase.storming.promises",
        "phase.storming.costs",
        "table.champions",
        "pit.missing-focus",
        "s3.business-venue",
    ] {
        assert!(moved(id).is_empty(), "{id} keeps its answer");
    }
    assert_eq!(bank().retired().len(), 23);
}

#[test]
fn a_section_is_named_in_full_or_shortly() {
    let bank = Bank::builtin();
    let step = &bank.sections()[2];
    assert_eq!(step.heading(), format!("Step 3, {}", step.title()));
    assert_eq!(step.short_heading(), "Step 3");
    let phases = bank
        .sections()
        .iter()
        .find(|section| section.step().is_none())
        .expect("a section that is not a step");
    assert_eq!(phases.short_heading(), phases.title());
    assert_eq!(phases.heading(), phases.title());
}
