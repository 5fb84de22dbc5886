"""kit.analyses.voices.mentions: the reader's memory of who has been named, and what later words refer back to."""

from kit.analyses.voices import mentions


def memory_of(view_of, registry, body):
    view = view_of(body)
    return view, mentions.build_memory(view, registry)


def test_a_name_with_a_role_before_or_after_it_is_remembered_with_its_group(view_of, registry):
    _, memory = memory_of(
        view_of,
        registry,
        "Kang Chol, North Korea's vice foreign minister, met envoys on Monday. "
        "Chinese Foreign Ministry spokesman Chen Ming took questions.",
    )
    people = {m.speaker.name: (m.speaker.group, m.speaker.role) for m in memory.mentions if m.speaker.is_person}
    assert people["Kang Chol"] == ("official_dprk", "North Korea's vice foreign minister")
    assert people["Chen Ming"] == ("official_prc", "Chinese Foreign Ministry spokesman")


def test_places_and_events_are_not_taken_for_people(view_of, registry):
    _, memory = memory_of(view_of, registry, "Trains crossed the Yalu River to Liaoning Province before Victory Day.")
    assert not [m for m in memory.mentions if m.speaker.is_person]


def test_a_bare_name_refers_back_to_the_full_name(view_of, registry):
    view, memory = memory_of(
        view_of, registry, "South Korea's ambassador to China Lee Kyu-hyung spoke. Later Ambassador Lee left."
    )
    lee = mentions.resolve_name(memory, view.text.index("Lee left"), "Lee", registry)
    assert (lee.name, lee.group) == ("Lee Kyu-hyung", "official_other")


def test_a_surname_nobody_was_introduced_with_falls_back_to_a_unique_registry_person(view_of, registry):
    _, memory = memory_of(view_of, registry, "Xi spoke first.")
    assert mentions.resolve_name(memory, 0, "Xi", registry).name == "Xi Jinping"
    assert not mentions.resolve_name(memory, 0, "Kim", registry).resolved  # several Kims in the registry


def test_the_newspaper_refers_back_to_the_last_newspaper(view_of, registry):
    view, memory = memory_of(
        view_of, registry, "KCNA carried the text. Rodong Sinmun ran an editorial. The newspaper was blunt."
    )
    position = view.text.index("The newspaper")
    assert memory.described_before(position, "newspaper").name == "Rodong Sinmun"
    assert memory.described_before(position, "agency").name == "KCNA"


def test_the_source_refers_back_to_an_unnamed_source(view_of, registry):
    view, memory = memory_of(view_of, registry, "Trade stopped.")
    person = mentions.Mention(0, 5, mentions.Speaker("a resident of the city", "unnamed_source", is_person=True), 0)
    memory.remember(person)
    assert memory.described_before(len(view.text), "source").name == "a resident of the city"


def test_he_prefers_the_person_quoted_over_a_name_in_passing(view_of, registry):
    view, memory = memory_of(
        view_of, registry, "Nick Bisley, a professor at La Trobe University, said it mattered, citing Mao Zedong."
    )
    memory.remember(mentions.speaking_mention(view, 0, 11, memory.mentions[0].speaker))
    assert memory.person_before(len(view.text)).name == "Nick Bisley"
