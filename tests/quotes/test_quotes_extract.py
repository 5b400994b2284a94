"""Quote attribution: tables of sentences -> (content, speaker, cue, direct, stance)."""
from __future__ import annotations

import pytest

from telaah.document import Article, Mention, Sentence
from telaah.pipeline import Options
from telaah.quotes import QuoteStage, extract_quotes


def article(text: str, mentions: list[tuple[str, str]] = (), aid: str = "t") -> Article:
    """One sentence per line; mentions given as (surface, type), first occurrence each."""
    sents, pos = [], 0
    for k, line in enumerate(text.split("\n")):
        if line.strip():
            sents.append(Sentence(f"{aid}:s{len(sents)}", pos, pos + len(line), k))
        pos += len(line) + 1
    ms = []
    for surface, typ in mentions:
        i = text.index(surface)
        ms.append(Mention(i, i + len(surface), surface, typ))
    return Article(id=aid, text=text, sentences=sents, mentions=ms)


# text, content (substring the statement must equal), speaker (resolved name), cue, direct, stance
CASES = [
    # --- direct quotes, postposed cues
    ('"Kami tidak akan mundur dari proses ini," kata Jusuf Kalla di Jakarta.', "Kami tidak akan mundur dari proses ini", "Jusuf Kalla", "kata", True, "assert"),
    ('“Situasi sudah kembali kondusif di lokasi,” ujar Ahmad Kamal, Senin (2/5).', "Situasi sudah kembali kondusif di lokasi", "Ahmad Kamal", "ujar", True, "assert"),
    ('"Pertimbangannya keamanan rutan saat ini," ungkap Andry di Cipinang.', "Pertimbangannya keamanan rutan saat ini", "Andry", "ungkap", True, "assert"),
    ('"Kita tunggu saja keputusan partai," tutur Megawati.', "Kita tunggu saja keputusan partai", "Megawati", "tutur", True, "assert"),
    ('"Ini masih didalami oleh penyidik kami," tandas AKBP Donny Adityawarman, Sabtu (29/10).', "Ini masih didalami oleh penyidik kami", "Donny Adityawarman", "tandas", True, "assert"),
    # --- multi-sentence quote, curly marks
    ('“Saat kejadian dia di kamar sendiri. Dia menyewa apartemen di sana baru seminggu,” ungkap Aswin.', "Saat kejadian dia di kamar sendiri. Dia menyewa apartemen di sana baru seminggu", "Aswin", "ungkap", True, "assert"),
    # --- mismatched marks
    ('"Pokoknya saya dukung pemerintah menunaikan tax amnesty,” ujar Prayogo.', "Pokoknya saya dukung pemerintah menunaikan tax amnesty", "Prayogo", "ujar", True, "assert"),
    ('“Saya belum terima suratnya sampai hari ini," kata Fadli Zon.', "Saya belum terima suratnya sampai hari ini", "Fadli Zon", "kata", True, "assert"),
    # --- title stripped, role kept
    ('"Truk TNI diketahui berpenumpang 14 orang," kata Kapolres Jaktim Kombes Andry Wibowo.', "Truk TNI diketahui berpenumpang 14 orang", "Andry Wibowo", "kata", True, "assert"),
    # --- preposed reported speech
    ("Anies mengatakan bahwa tim sinkronisasi diumumkan setelah berkonsultasi dengan partai pendukung.", "tim sinkronisasi diumumkan setelah berkonsultasi dengan partai pendukung", "Anies", "mengatakan", False, "assert"),
    ("Menteri Dalam Negeri Tjahjo Kumolo menegaskan pemerintah akan menunjuk pelaksana tugas gubernur.", "pemerintah akan menunjuk pelaksana tugas gubernur", "Tjahjo Kumolo", "menegaskan", False, "assert"),
    ("Djarot juga menjelaskan, surat permohonan sudah dikirim ke Pengadilan Tinggi Jakarta.", "surat permohonan sudah dikirim ke Pengadilan Tinggi Jakarta", "Djarot", "menjelaskan", False, "assert"),
    ("Kapolsek Pancoran, Kompol Aswin, menerangkan pihaknya mendapatkan informasi adanya penemuan mayat.", "pihaknya mendapatkan informasi adanya penemuan mayat", "Aswin", "menerangkan", False, "assert"),
    ("Pramono menuturkan, kondisi lalu lintas sempat tersendat saat tawuran terjadi.", "kondisi lalu lintas sempat tersendat saat tawuran terjadi", "Pramono", "menuturkan", False, "assert"),
    ("Haaretz mengatakan pengangkatan hakim itu bisa menjadi preseden di pengadilan agama.", "pengangkatan hakim itu bisa menjadi preseden di pengadilan agama", "Haaretz", "mengatakan", False, "assert"),
    # --- menurut X
    ("Menurut Yasonna, hal ini bertujuan untuk membangun sistem hukum pidana yang baik.", "hal ini bertujuan untuk membangun sistem hukum pidana yang baik", "Yasonna", "Menurut", False, "assert"),
    ("Jika mundur, menurut JK, PDIP akan kesulitan mencari pengganti Megawati.", "PDIP akan kesulitan mencari pengganti Megawati", "JK", "menurut", False, "assert"),
    # --- postposed indirect and interposed
    ("Keinginan untuk mundur adalah hak pribadi dari Megawati, kata JK.", "Keinginan untuk mundur adalah hak pribadi dari Megawati", "JK", "kata", False, "assert"),
    ("Dan, kata JK, keinginan untuk mundur adalah hak pribadi dari Megawati.", "keinginan untuk mundur adalah hak pribadi dari Megawati", "JK", "kata", False, "assert"),
    ("Saat minum dari botol, kata Bona, aroma dan rasa bir tak akan terlalu tercium dengan baik.", "aroma dan rasa bir tak akan terlalu tercium dengan baik", "Bona", "kata", False, "assert"),
    # --- stances
    ("Yasonna membantah bahwa KPK akan kehilangan kewenangannya dalam KUHP baru.", "KPK akan kehilangan kewenangannya dalam KUHP baru", "Yasonna", "membantah", False, "deny"),
    ("Juru bicara itu menepis kabar bahwa presiden akan mundur bulan depan.", None, None, "menepis", False, "deny"),
    ("Prabowo tidak membantah bahwa partainya telah bertemu dengan pihak istana.", "partainya telah bertemu dengan pihak istana", "Prabowo", "membantah", False, "assert"),
    ("Fadli menuding pemerintah telah menyalahgunakan dana bantuan sosial.", "pemerintah telah menyalahgunakan dana bantuan sosial", "Fadli", "menuding", False, "accuse"),
    ("Komnas HAM mendesak agar pembangunan pabrik semen itu segera dihentikan.", "pembangunan pabrik semen itu segera dihentikan", "Komnas HAM", "mendesak", False, "demand"),
    ("Jolie menyerukan agar komunitas internasional menghentikan perang di Suriah.", "komunitas internasional menghentikan perang di Suriah", "Jolie", "menyerukan", False, "demand"),
    ("Arief meminta peserta dan pemilih di Pilkada 2018 untuk bersikap dewasa.", "peserta dan pemilih di Pilkada 2018 untuk bersikap dewasa", "Arief", "meminta", False, "demand"),
    ("Kemlu belum dapat memastikan apakah ada warga Indonesia yang menjadi korban.", "apakah ada warga Indonesia yang menjadi korban", "Kemlu", "belum dapat memastikan", False, "unconfirmed"),
    ('"Itu tidak benar, kami tidak pernah menerima uang itu," kata Setya Novanto.', "Itu tidak benar, kami tidak pernah menerima uang itu", "Setya Novanto", "kata", True, "deny"),
    ('"Kami terus memantau perkembangan situasi di sana," bantah Retno.', "Kami terus memantau perkembangan situasi di sana", "Retno", "bantah", True, "deny"),
    # --- groups and anonymous sources
    ('"Pelaku sudah dilumpuhkan dan diamankan ke rumah sakit," ujar seorang petugas polisi di lokasi.', "Pelaku sudah dilumpuhkan dan diamankan ke rumah sakit", "seorang petugas polisi", "ujar", True, "assert"),
    ("Korban, menurut polisi, menenggak minuman keras dan ditelantarkan temannya.", "menenggak minuman keras dan ditelantarkan temannya", "polisi", "menurut", False, "assert"),
    ('"Serangan itu direncanakan berbulan-bulan," kata sumber tersebut.', "Serangan itu direncanakan berbulan-bulan", "sumber tersebut", "kata", True, "assert"),
    # --- reporting source kept
    ('"Kita semua tahu kredibilitas penjaga perdamaian telah dirusak," tutur Jolie seperti dilansir Daily Mail.', "Kita semua tahu kredibilitas penjaga perdamaian telah dirusak", "Jolie", "tutur", True, "assert"),
]


@pytest.mark.parametrize("text,content,speaker,cue,direct,stance", CASES)
def test_single_statement(text, content, speaker, cue, direct, stance):
    quotes = extract_quotes(article(text))
    assert len(quotes) == 1, [q.text for q in quotes]
    q = quotes[0]
    if content is not None:
        assert q.text == content
    assert q.text == text[q.start : q.end]
    if speaker is not None:
        assert q.speaker is not None and q.speaker.text == speaker
    assert (q.cue.text if q.cue else None) == cue
    assert q.direct is direct
    assert q.stance == stance


# multi-sentence texts: expected list of (content prefix, speaker name, cue, stance)
DISCOURSE = [
    # pronoun clitic resolved to the previous speaker
    ('Kabid Humas Polda Papua Kombes Ahmad Kamal mengatakan, kedua polisi itu dianiaya saat menenangkan massa.\n'
     '"Situasi sudah kembali kondusif," katanya.',
     [("kedua polisi", "Ahmad Kamal", "mengatakan", "assert"), ("Situasi sudah", "Ahmad Kamal", "kata", "assert")]),
    # dia resolved
    ('Pada Selasa, Khofifah Indar Parawansa meninjau lokasi pengungsian.\n'
     '"Paling lama tiga bulan mereka akan berada di sini," kata dia.',
     [("Paling lama", "Khofifah Indar Parawansa", "kata", "assert")]),
    # continuation paragraph without a cue: speaker carries over
    ('"Khusus bir wheat, cara minumnya juga beda," kata Bona Budhisurya.\n\n'
     '"Saat minum bir wheat, Anda tak boleh minum langsung dari botolnya."',
     [("Khusus bir", "Bona Budhisurya", "kata", "assert"), ("Saat minum", "Bona Budhisurya", None, "assert")]),
    # quote interrupted by its attribution: two statements, second continues
    ('"Kami sudah siap," kata Anies. "Semoga bisa cepat melayani masyarakat."',
     [("Kami sudah siap", "Anies", "kata", "assert"), ("Semoga bisa", "Anies", None, "assert")]),
    # role description resolved through a previous speaker with that role
    ('Kapolri Jenderal Tito Karnavian meminta seluruh anggota untuk waspada akan serangan susulan.\n'
     '"Pos pengamanan di jalan harus diberi pembatas," kata Kapolri.',
     [("seluruh anggota", "Tito Karnavian", "meminta", "demand"), ("Pos pengamanan", "Tito Karnavian", "kata", "assert")]),
    # definite description "Guru Besar ... itu" resolved to the previous person
    ('"Hari-hari ke depan waktunya membuktikan janji," ucap Farouk Muhammad.\n'
     'Guru Besar Perguruan Tinggi Ilmu Kepolisian itu juga meminta semua pihak untuk menerima hasil Pilkada.',
     [("Hari-hari", "Farouk Muhammad", "ucap", "assert"), ("semua pihak", "Farouk Muhammad", "meminta", "demand")]),
    # denial on the previous sentence lends its stance to the quote
    ('Sarip menepisnya. “Ah ngaco, belum ada calon,” sergahnya.',
     [("Ah ngaco", "Sarip", "sergah", "deny")]),
    # preposed cue with a colon introduces the quote
    ('Presiden Joko Widodo mengatakan: "Saya mohon doa restu keluarga para pahlawan."',
     [("Saya mohon", "Joko Widodo", "mengatakan", "assert")]),
    # nested attribution: the chairman's words, reported by the party
    ('Ketua umum Zulkifli Hasan menegaskan partainya tetap mendukung pemerintah, kata PAN dalam sebuah pernyataan.',
     [("partainya tetap", "Zulkifli Hasan", "menegaskan", "assert")]),
]


@pytest.mark.parametrize("text,expected", DISCOURSE)
def test_discourse(text, expected):
    quotes = extract_quotes(article(text))
    got = [(q.text[: len(e[0])], q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.stance)
           for q, e in zip(quotes, expected)]
    assert len(quotes) == len(expected), [q.text for q in quotes]
    assert got == [tuple(e) for e in expected]


def test_nested_keeps_reporting_source():
    text = "Ketua umum Zulkifli Hasan menegaskan partainya tetap mendukung pemerintah, kata PAN dalam sebuah pernyataan."
    q = extract_quotes(article(text))[0]
    assert q.reported_by is not None and q.reported_by.text == "PAN"
    assert "kata" not in q.text


def test_pronoun_links_to_mention():
    text = 'Sekretaris Jenderal PBB Antonio Guterres tiba di Jakarta.\n"Kami prihatin atas situasi ini," ujarnya.'
    art = article(text, [("Antonio Guterres", "PER"), ("PBB", "ORG"), ("Jakarta", "LOC")])
    q = extract_quotes(art)[0]
    assert q.speaker.mention == 0
    assert q.speaker.kind == "pronoun"
    assert text[q.speaker.anaphor_start : q.speaker.anaphor_end] == "nya"


def test_named_speaker_links_to_mention_and_keeps_role():
    text = '"Kami siap," kata Menteri Luar Negeri Retno Marsudi.'
    art = article(text, [("Retno Marsudi", "PER")])
    q = extract_quotes(art)[0]
    assert q.speaker.mention == 0
    assert q.speaker.role == "Menteri Luar Negeri"


def test_group_speaker_has_no_mention():
    q = extract_quotes(article('"Pelaku melarikan diri lewat jendela kamar," kata seorang saksi.'))[0]
    assert q.speaker.kind == "group" and q.speaker.mention is None


def test_scare_quotes_are_not_statements():
    assert extract_quotes(article("Megawati ingin 'pensiun' dari program \"Nawacita\" tahun ini.")) == []


def test_partial_quote_inside_reported_speech():
    text = 'Fadli menyebut langkah pemerintah itu "ceroboh dan terburu-buru" dalam rapat.'
    quotes = extract_quotes(article(text))
    assert len(quotes) == 1 and not quotes[0].direct
    assert "ceroboh" in quotes[0].text


def test_unclosed_quote_runs_to_paragraph_end():
    text = '"Kami tidak akan mundur dari proses ini sampai selesai\n\nkata dia.'
    quotes = extract_quotes(article(text))
    assert quotes == [] or quotes[0].text.startswith("Kami tidak")


def test_sentence_id_is_that_of_content_start():
    text = "Hari ini cerah.\nMenurut Yasonna, hal ini bertujuan untuk membangun sistem hukum."
    q = extract_quotes(article(text, aid="a1"))[0]
    assert q.sentence == "a1:s1"


def test_empty_and_bad_input():
    assert extract_quotes(Article(id="e", text="")) == []
    with pytest.raises(TypeError):
        extract_quotes("not an article")


def test_stage_contract():
    stage = QuoteStage()
    assert stage.name == "quotes"
    assert stage.requires == ("article.sentences", "article.mentions")
    assert stage.assigns == ("article.quotes",)
    art = article('"Kami siap melayani masyarakat," kata Anies.')
    stage(art, Options())
    assert len(art.quotes) == 1
