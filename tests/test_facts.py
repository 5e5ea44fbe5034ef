"""One sentence per kind of event other than meetings."""

import pytest

from newsgraph.model import EventType, Status


def facts(extraction, kind):
    by_key = {e.key: e.name for e in extraction.entities}
    return [(sorted(by_key[k] for k in e.actors), e) for e in extraction.events if e.type is kind]


@pytest.mark.parametrize(
    "sentence, kind, actors",
    [
        ("Chile and Peru signed a trade agreement in Lima on Monday.", EventType.AGREEMENT, ["Chile", "Peru"]),
        ("Norway and Sweden agreed to share fishing data.", EventType.AGREEMENT, ["Norway", "Sweden"]),
        ("Kenya closed the border in 2011.", EventType.BORDER_CLOSURE, ["Kenya"]),
        ("Ethiopia reopened its border crossings on Friday.", EventType.BORDER_OPENING, ["Ethiopia"]),
        ("Iran and Iraq fought a long war in the 1980s.", EventType.ARMED_CONFLICT, ["Iran", "Iraq"]),
        ("A truce between Israel and Lebanon took effect in 2006.", EventType.CEASEFIRE, ["Israel", "Lebanon"]),
        ("Japan lifted a ban on beef imports.", EventType.POLICY_CHANGE, ["Japan"]),
        ("Canada announced new sanctions against Belarus.", EventType.ANNOUNCEMENT, ["Canada"]),
        # the other side: "with" on the border, on the verb a noun hangs on, and the subjects who agree to a truce
        ("Kenya closed its border with Somalia on Tuesday.", EventType.BORDER_CLOSURE, ["Kenya", "Somalia"]),
        ("Chile closed the border in 2001 in solidarity with Peru.", EventType.BORDER_CLOSURE, ["Chile"]),
        ("Ethiopia went to war with Eritrea in 1998.", EventType.ARMED_CONFLICT, ["Eritrea", "Ethiopia"]),
        ("Ethiopia and Eritrea agreed to a cease-fire on Tuesday.", EventType.CEASEFIRE, ["Eritrea", "Ethiopia"]),
        # who wages a war is a party; who talks about one, resolves it or is spared it is not
        ("Kenya waged war in 1979.", EventType.ARMED_CONFLICT, ["Kenya"]),
        ("Paul Otieno discussed the war in 1979.", EventType.ARMED_CONFLICT, []),
        ("Kenya helped resolve the conflict in 2004.", EventType.ARMED_CONFLICT, []),
        ("Chile welcomed the truce in 2006.", EventType.CEASEFIRE, []),
        # a leader's faction is the party, not its leader
        ("The attack came on the fourth day of a fragile ceasefire between Otieno's secular KANU faction and the "
         "Islamist movement NARC which leads the government.", EventType.CEASEFIRE, ["KANU", "NARC"]),
    ],
)
def test_each_kind_of_event_with_its_parties(extract_text, sentence, kind, actors):
    found = facts(extract_text(sentence), kind)
    assert [a for a, _ in found] == [actors], found


@pytest.mark.parametrize("sentence", [
    "Kenya and Norway pledged in 2004 to fight terrorism and drug trafficking.",
    "Kenya pledged in 2004 to fight against corruption.",
    "The two countries can work together in the fight against AIDS, Paul Otieno said in 2004.",
    "The Kenyan army has waged a war on terrorism since 2004, Paul Otieno said.",
])
def test_fighting_an_evil_is_no_war(extract_text, sentence):
    assert facts(extract_text(sentence), EventType.ARMED_CONFLICT) == []


@pytest.mark.parametrize("sentence", [
    "Fears of a trade war between Kenya and Norway grew in 2004.",
    "The two firms fought a price war in 2004.",
])
def test_a_war_of_no_arms_is_no_armed_conflict(extract_text, sentence):
    assert facts(extract_text(sentence), EventType.ARMED_CONFLICT) == []


def test_a_war_waged_on_a_state_has_it_as_a_side(extract_text):
    found = facts(extract_text("Kenya waged a war on Somalia in 2004."), EventType.ARMED_CONFLICT)
    assert [a for a, _ in found] == [["Kenya", "Somalia"]]


def test_two_wars_of_one_article_stay_two(extract_text):
    text = "Kenya waged the war against the rebels. The Cold War began in 1950."
    found = facts(extract_text(text), EventType.ARMED_CONFLICT)
    assert sorted(e.content for _, e in found) == ["The Cold War", "the war against the rebels"]


def test_what_was_changed_is_kept_as_content(extract_text):
    [(_, event)] = facts(extract_text("Japan lifted a ban on beef imports."), EventType.POLICY_CHANGE)
    assert event.content == "a ban on beef imports"


def test_the_one_made_to_act_is_the_actor(extract_text):
    found = facts(extract_text("The war prompted Kenya to close the border."), EventType.BORDER_CLOSURE)
    assert [a for a, _ in found] == [["Kenya"]]


def test_a_refused_agreement_is_no_event(extract_text):
    assert facts(extract_text("Chile refused to sign the agreement with Peru."), EventType.AGREEMENT) == []


@pytest.mark.parametrize("sentence, kind", [
    ("Japan will lift the ban on beef imports next year.", EventType.POLICY_CHANGE),
    ("Kenya threatened to close its border with Somalia on Monday.", EventType.BORDER_CLOSURE),  # a threat is a plan
])
def test_a_planned_policy_change(extract_text, sentence, kind):
    [(_, event)] = facts(extract_text(sentence), kind)
    assert event.status is Status.PLANNED


@pytest.mark.parametrize("sentence", [
    "The rebels ended hostilities after a cease-fire was agreed and the border reopened.",
    "Officials announced that the ban was lifted, ending the war between the two states.",
])
def test_the_trigger_word_screen_lets_every_trigger_through(nlp, sentence):
    from newsgraph.facts import _is_trigger, fact_type
    from newsgraph.mentions import load_triggers

    def unscreened(token):
        specs = ((name, spec) for name, spec in load_triggers()["facts"].items() if not name.startswith("_"))
        return next((EventType(name) for name, spec in specs if _is_trigger(token, spec)), None)

    doc = nlp(sentence)
    assert [fact_type(t) for t in doc] == [unscreened(t) for t in doc]
    assert sum(fact_type(t) is not None for t in doc) >= 2
