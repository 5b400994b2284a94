"""Entity merging's shortcuts accept whatever the full comparisons accept: the cheap person-name
test never rules out a pair same_person_name would join, and matching place and organisation
names through their keys joins exactly what comparing every earlier name joins."""
import itertools
import random

from telaah.document import Article, Corpus, Mention
from telaah.entities import merge as M
from telaah.entities.names import same_person_name

FIRST = ["Muhammad", "Mohamed", "Muhamad", "Joko", "Djoko", "Sri", "Basuki", "Ahmad", "Achmad", "Lee"]
LAST = ["Widodo", "Widoda", "Mulyani", "Purnama", "Tjahaja Purnama", "Salman", "bin Salman", "Li", "Yusuf"]


def _item(text, type_="PER", key=0):
    facts = M._mention_facts(text, type_)
    return M._Item(key, 0, key, Mention(0, len(text), text, type_), facts.parts, None,
                   alias_of=facts.alias_of, gaz=facts.gaz, surface=facts.surface, person=facts.person,
                   full=facts.full, full_keys=facts.full_keys, full_joined=facts.full_joined,
                   joined=facts.joined, shape=facts.shape)


def test_cheap_person_test_never_rules_out_a_match():
    names = [" ".join(p) for p in itertools.product(FIRST, LAST)] + ["Sri Mulyani Indrawati", "W. Bush",
                                                                      "George W. Bush", "George H. W. Bush"]
    items = [it for it in (_item(n) for n in names) if it.full is not None]
    matched = 0
    for a, b in itertools.combinations(items, 2):
        if same_person_name(a.full, b.full):
            matched += 1
            assert M._may_be_same_person(a, b), (a.surface, b.surface)
    assert matched > 20  # the pool does hold variants


PLACES = ["Korea Utara", "Korea Selatan", "Kementerian Luar Negeri", "Kementrian Luar Negeri",
          "Jakarta", "DKI Jakarta", "Djakarta", "Badan Pusat Statistik", "BPS", "Jawa Barat",
          "Djawa Barat", "Amerika Serikat", "AS", "Tiongkok", "China", "Cina", "Pemprov DKI"]


def _reference_places(merger, items):
    """The plain loop: every place or organisation name against every earlier one."""
    others = [it for it in items if not it.person]
    for i, it in enumerate(others):
        for prev in others[:i]:
            if M._same_thing(it, prev) and merger.union(it, prev):
                break


def test_keyed_place_matching_joins_what_the_plain_loop_joins():
    rng = random.Random(2)
    for _ in range(30):
        names = [(rng.choice(PLACES), rng.choice(("LOC", "ORG"))) for _ in range(rng.randint(2, 25))]
        text, mentions = "", []
        for name, type_ in names:
            mentions.append(Mention(len(text), len(text) + len(name), name, type_))
            text += name + ", "
        corpus = Corpus(articles=[Article(id="a1", text=text, mentions=mentions)])
        fast, plain = M._Merger(corpus), M._Merger(corpus)
        fast.merge_article(fast.by_article[0])
        _reference_places(plain, plain.by_article[0])
        for row in plain.by_article:  # the rest of pass 1 as merge_article does it
            items = row
            for it in items:
                if it.declared:
                    for other in items:
                        if (not other.person and other is not it and other.mention.start > it.mention.end
                                and other.mention.start - it.mention.end <= 3
                                and M._fold_surface(other.surface) == M.fold(it.declared)):
                            plain.union(it, other)
        assert [fast.find(it.key) for it in fast.items] == [plain.find(it.key) for it in plain.items]
