import json

import pytest

from telaah.cleaning.blocks import BlockStage, classify_line
from telaah.document import Article
from telaah.pipeline import Options

CHROME = [
    ("Baca juga: Gempa Majene, BNPB kirim bantuan", "boilerplate"),
    ("BACA JUGA:Gempa Majene", "boilerplate"),
    ("baca juga : Jokowi sampaikan duka", "boilerplate"),
    ("Baca Juga:", "boilerplate"),
    ("SIMAK JUGA :   Arema Batal Kontrak Yanto Basna", "boilerplate"),
    ("Lihat juga: Video banjir Jakarta", "boilerplate"),
    ("Berita Terkait", "boilerplate"),
    ("Simak berita dan artikel lainnya di Google News", "boilerplate"),
    ("Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran WhatsApp favoritmu", "boilerplate"),
    ("Ikuti berita terkini dari kami di Google News, klik di sini", "boilerplate"),
    ("Bagikan:", "boilerplate"),
    ("Share this:", "boilerplate"),
    ("Facebook Twitter WhatsApp", "boilerplate"),
    ("Facebook | Twitter | Telegram | Copy Link", "boilerplate"),
    ("ADVERTISEMENT", "boilerplate"),
    ("SCROLL TO CONTINUE WITH CONTENT", "boilerplate"),
    ("Tags: gempa, mamuju", "boilerplate"),
    ("Topik: Gempa Sulbar", "boilerplate"),
    ("#gempa #mamuju #bnpb", "boilerplate"),
    ("Home > Berita > Nasional", "boilerplate"),
    ("Tinggalkan Balasan", "boilerplate"),
    ("Leave a Reply", "boilerplate"),
    ("Cancel reply", "boilerplate"),
    ("Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *", "boilerplate"),
    ("Your email address will not be published. Required fields are marked *", "boilerplate"),
    ("Komentar *", "boilerplate"),
    ("Comment", "boilerplate"),
    ("Nama *", "boilerplate"),
    ("Email *", "boilerplate"),
    ("Situs Web", "boilerplate"),
    ("Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya berikutnya.", "boilerplate"),
    ("Save my name, email, and website in this browser for the next time I comment.", "boilerplate"),
    ("Kirim Komentar", "boilerplate"),
    ("Post Comment", "boilerplate"),
    ("0 Komentar", "boilerplate"),
    ("Copyright © 2024 ANTARA", "boilerplate"),
    ("Jumat, 15 Januari 2021 10:15 WIB", "boilerplate"),
    ("Senin, 27 Mar 2017 | 10:15 WIB", "boilerplate"),
    ("Diterbitkan: 19/11/2026 13.05 | Diperbarui: 19/11/2026 13.40", "boilerplate"),  # probe 10
    ("Sumber: antara", "credit"),
    ("Sumber : Reuters", "credit"),
    ("Pewarta: Amirullah", "credit"),
    ("Editor: Budi Santoso", "credit"),
    ("Reporter : Fair Cholis", "credit"),
    ("(ant/rh)", "credit"),
    ("(Reuters)", "credit"),
    ("Foto: ANTARA FOTO/Akbar Tado", "caption"),
    ("(Foto: Dok. Humas Polri)", "caption"),
    ("Petugas memeriksa lokasi gempa di Mamuju, Jumat (15/1/2021). ANTARA FOTO/Akbar Tado/wsj.", "caption"),
    ("Warga mengungsi di tenda darurat. (Foto: Istimewa)", "caption"),
    ("ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT", "boilerplate"),
    ("[Gambas:Video CNN]", "boilerplate"),
    ("Baca berita selengkapnya di sini", "boilerplate"),
    ("Lihat Foto", "boilerplate"),
    ("Saksikan video pilihan berikut ini:", "boilerplate"),
    ("(*)", "boilerplate"),
    ("Kompas.com - 08/03/2024, 14:30 WIB", "boilerplate"),
    ("Laporan Wartawan Tribunnews.com, Rina Ayu", "boilerplate"),
    ("Artikel ini telah tayang di Tribunnews.com dengan judul Gempa Guncang Mamuju", "credit"),
    ("Petugas memeriksa puing rumah warga di Mamuju. KOMPAS.com/Nama Fotografer", "caption"),
    ("Penulis: Rina | Editor: Budi", "credit"),
    # session 11, from an analyst's probe
    ("Bagikan artikel ini: Facebook | Twitter | WhatsApp | Salin Tautan", "boilerplate"),
    ("Tulis komentar Anda di sini...", "boilerplate"),
    ("(Pelaporan oleh Stanley Widianto; Penyuntingan oleh Kanupriya Kapoor)", "credit"),
    # session 12, from an analyst's probe of regional portals
    ("Beranda", "boilerplate"),
    ("Berita", "boilerplate"),
    ("Foto", "boilerplate"),
    ("Gaya Hidup", "boilerplate"),
    ("Home  Berita  Daerah  Ekonomi  Lingkungan  Opini  Foto", "boilerplate"),
    ("Berita Terkini  Politik  Hukum  Peristiwa  Lingkungan  Indeks", "boilerplate"),
    ("Home | Nasional | Internasional | Olahraga | Tekno | Otomotif", "boilerplate"),
    ("Ekonomi • Bisnis / Wisata » Kuliner", "boilerplate"),
    ("Login untuk berkomentar", "boilerplate"),
    # session 23 (probe 10): comment residue, a reuse notice, captions with a site's photo credit
    ("Komentar Anda akan ditampilkan setelah dimoderasi.", "boilerplate"),
    ("Belum ada komentar. Jadilah yang pertama berkomentar!", "boilerplate"),
    ("[ Nama ] [ Email ] [ Komentar ] [KIRIM]", "boilerplate"),
    ("Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI di situs web ini "
     "tanpa izin tertulis dari Kantor Berita ANTARA.", "boilerplate"),
    ("Ilustrasi - Barang bukti sabu yang disita polisi di Kubu Raya. ANTARA/HO-Polda Kalbar", "caption"),
    ("Polisi menunjukkan barang bukti sabu dalam konferensi pers. (KhatulistiwaNews.id/Yohanes)", "caption"),
    ("Masuk untuk berkomentar", "boilerplate"),
    ("Silakan login terlebih dahulu untuk berkomentar.", "boilerplate"),
    ("Tentang Kami | Redaksi | Pedoman Media Siber | Kontak | Karir", "boilerplate"),
    ("Tentang Kami  Redaksi  Pedoman Pemberitaan Media Siber  Kebijakan Privasi", "boilerplate"),
    ("Masuk | Daftar", "boilerplate"),
    ("Cari...", "boilerplate"),
    ("SUMBARSATU.COM", "boilerplate"),
    ("Redaksi | Rabu, 06/03/2024 13:10 WIB", "boilerplate"),
    ("Bupati Pesisir Selatan memberikan keterangan di posko utama Tarusan. Foto: LanggamNews/Dedi Kurniawan", "caption"),
    # session 13: a wire desk's trailing initials
    ("jkm/sbr", "credit"),
    ("bur-dp/ans", "credit"),
    # session 21 (probe 8): a breadcrumb with the single angle quotation mark
    ("Beranda  ›  Daerah  ›  Lombok Timur", "boilerplate"),
    ("Home › Nasional › Hukum", "boilerplate"),
    # session 28 (probe 12): Tempo's ad prompt, editor's picks, a bracketed agency credit, a photo
    # credit naming a press name, a reporter's byline closed by the outlet
    ("Baca berita dengan sedikit iklan, klik di sini", "boilerplate"),
    ("Pilihan Editor: Jejak Kasus Korupsi Kepala Daerah di Jawa Barat Sepanjang 2026", "boilerplate"),
    ("(Sumber: ANTARA)", "credit"),
    ("(Castro Suwito/Suara Merdeka)", "caption"),
    ("Novi Christiastuti - detikNews", "boilerplate"),
    ("Yoga Pratama - Warta Jateng", "boilerplate"),
    # session 29 (probe 13): a wire byline without a colon, Reuters' currency note and footer, a comment
    # counter, a byline split by middle dots with a reading time, a copyright line naming the site first
    ("Oleh Ananda Pratiwi", "boilerplate"),
    ("($1 = 16.250 rupiah)", "credit"),
    ("Standar Kami: Prinsip Kepercayaan Thomson Reuters.", "boilerplate"),
    ("Komentar (0) | Tulis komentar", "boilerplate"),
    ("Lensahukum.id · Senin, 9 November 2026 · 11.40 WIB · Waktu baca 3 menit", "boilerplate"),
    ("© SuaraPantura.id 2026", "boilerplate"),
]

BODY = [
    "Mamuju (ANTARA) - Gempa bermagnitudo 6,2 mengguncang Kabupaten Mamuju, Sulawesi Barat.",
    "Komentar Presiden itu memicu protes dari kalangan oposisi di parlemen.",
    "Baca pernyataan lengkapnya, kata dia, sudah dikirim ke redaksi.",
    "Sumber dana kampanye itu kini diselidiki oleh Bawaslu.",
    "Sumber di kepolisian menyebut pelaku sudah diamankan sejak pekan lalu.",
    "Editor senior majalah itu ditangkap polisi pada Senin (4/3).",
    "Foto-foto kerusakan beredar luas di media sosial sejak pagi.",
    "Nama tersangka belum diumumkan polisi hingga Selasa malam.",
    "Oleh karena itu pemerintah akan menambah anggaran bantuan.",
    "Oleh Presiden, anggaran itu dialihkan ke daerah bencana.",
    "Standar keselamatan kami sudah sesuai aturan, kata direktur.",
    "Facebook dan Twitter menghapus ratusan akun palsu, kata juru bicara perusahaan.",
    "Bagikan bantuan secara merata, kata Gubernur kepada para camat.",
    "Tag nama korban sudah dipasang oleh tim DVI di rumah sakit.",
    "Email yang dikirim tersangka menjadi barang bukti di pengadilan.",
    "Reuters melaporkan bahwa sedikitnya 200 orang tewas dalam serangan itu.",
    "Iklan kampanye itu ditarik dari televisi setelah diprotes.",
    "Kirim bantuan secepatnya ke lokasi bencana, ujar Presiden.",
    "Situs web kementerian sempat tidak dapat diakses pada Rabu pagi.",
    "Lihat foto-foto korban di rumah sakit, kata petugas, sangat memilukan.",
    "Artikel ini ditulis ulang oleh banyak media tanpa izin, kata Dewan Pers.",
    "Tonton juga pertandingan itu di stadion, ujar pelatih kepada suporter.",
    "Laporan wartawan itu kemudian dibantah oleh pihak kepolisian.",
    "Video itu beredar luas di media sosial sejak Senin (4/3).",
    # nav and footer words that open real sentences
    "Berita itu beredar luas sejak Senin pagi.",
    "Ekonomi Sumatera Barat tumbuh 4,5 persen pada kuartal pertama.",
    "Opini publik terbelah soal penyebab banjir bandang itu.",
    "Redaksi menerima klarifikasi dari Bupati pada Kamis.",
    "Kontak senjata terjadi di Intan Jaya, Papua.",
    "Hukum harus ditegakkan, kata Kapolda.",
    "Login untuk berkomentar kini diwajibkan oleh pengelola situs itu sejak Senin.",
    "Polisi menyita barang bukti. Foto dan video kejadian itu sudah beredar luas.",
    "Ia menyerahkan dokumen itu. Foto: bukti itu sudah diserahkan ke polisi.",
    "TNI/Polri",  # initials in capitals are not a desk code
    # a quote closed by the agency's desk code is body, not a photo credit
    '"Tak hanya keindahan kota itu yang dimunculkan dalam film," ujar Riri. (ANTARA / les)',
    "Belum ada komentar resmi dari pihak kepolisian hingga Senin malam.",
    "Aparat TNI/Polri berjaga di lokasi sejak pagi.",
    "Pilihan editor majalah itu jatuh pada kisah para nelayan.",
    "(Ia menolak menjawab pertanyaan wartawan.)",
    "Jokowi - Prabowo Bertemu di Istana",
]


@pytest.mark.parametrize("line,kind", CHROME)
def test_chrome_lines_are_flagged(line, kind):
    assert classify_line(line)[0] == kind


@pytest.mark.parametrize("line", BODY)
def test_body_lines_stay_body(line):
    assert classify_line(line)[0] == "body"


def test_prefilter_decides_as_the_rules_one_by_one():
    """classify_line skips the rules when the joined prefilter finds nothing (rules.py)."""
    from conftest import EXAMPLES

    from telaah.cleaning.blocks import iter_lines
    from telaah.cleaning.rules import chrome_prefilter, chrome_rules

    assert chrome_prefilter() is not None
    lines = [line for line, _ in CHROME] + BODY
    for path in EXAMPLES.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            lines += [text[s:e] for s, e, _ in iter_lines(text)]
    lines += [line.upper() for line in lines] + [line + " x" * 200 for line in lines[:40]]
    for line in lines:
        expected = next(((r.kind, r.reason) for r in chrome_rules() if r.test(line)), ("body", None))
        assert classify_line(line) == expected, line


def test_required_literal_is_in_every_match():
    """The search rules' quick scan (rules.chrome_prefilter) looks for these strings only."""
    from telaah.cleaning.rules import chrome_prefilter, chrome_rules, required_literal

    assert required_literal(r"\bdi\s+google\s+news\s*$") == "google"
    assert required_literal(r"\((?:foto|dok)[^)]{0,80}\)\s*$") == "("
    assert required_literal(r"(?:a|b)\s*/x") == "/x"
    assert required_literal(r"foto|dok") is None  # a top-level alternation
    assert required_literal(r"[ab]+c?") is None
    assert required_literal("(") is None  # not a pattern
    needles = chrome_prefilter()[2]
    assert needles is not None
    for line in ["Foto: x. ANTARA FOTO/Akbar Tado", "Warga (FOTO: Istimewa)", "Simak di GOOGLE NEWS"]:
        assert any(r.test(line) for r in chrome_rules() if r.match == "search") and needles.search(line), line
    assert needles.search("Gempa mengguncang Mamuju pada pagi hari.") is None


def run_blocks(text, title=None):
    art = Article(id="x", text=text, title=title)
    BlockStage()(art, Options())
    return art, [(art.text[b.start:b.end], b.kind) for b in art.blocks]


def test_title_duplicate_title_dateline_and_credit():
    text = ("Gempa Guncang Mamuju, 34 Tewas\nGempa Guncang Mamuju, 34 Tewas\n\n"
            "Mamuju (ANTARA) - Gempa bermagnitudo 6,2 mengguncang Mamuju. Sedikitnya 34 orang tewas.\n\n"
            "Sumber: antara\n")
    art, blocks = run_blocks(text)
    assert blocks[0] == ("Gempa Guncang Mamuju, 34 Tewas", "title")
    assert blocks[1] == ("Gempa Guncang Mamuju, 34 Tewas", "duplicate_title")
    assert blocks[2][1] == "body"
    assert art.title == "Gempa Guncang Mamuju, 34 Tewas"
    assert art.dateline == "Mamuju" and art.outlet == "ANTARA" and art.credit == "antara"


@pytest.mark.parametrize("opening,place,outlet", [
    ("Jakarta (ANTARA) - Presiden", "Jakarta", "ANTARA"),
    ("JAKARTA, KOMPAS.com - Presiden", "JAKARTA", "KOMPAS.com"),
    ("WASHINGTON - Presiden", "WASHINGTON", None),
    ("Suara.com - Presiden", None, "Suara.com"),
    ("Jakarta, CNN Indonesia -- Presiden", "Jakarta", "CNN Indonesia"),
    ("Liputan6.com, Jakarta - Presiden", "Jakarta", "Liputan6.com"),
    ("TEMPO.CO, Jakarta - Presiden", "Jakarta", "TEMPO.CO"),
    ("TELISIK.CO, JAKARTA -- Presiden", "JAKARTA", "TELISIK.CO"),  # an outlet not in outlets.txt
    ("MOSKOW, RADAR JABAR - Presiden", "MOSKOW", "RADAR JABAR"),
    ("SEOUL (Reuters) - Presiden", "SEOUL", "Reuters"),
    ("New York (AP) — Presiden", "New York", "AP"),
    ("Jakarta - Presiden", "Jakarta", None),
    ("Padang, RanahBerita - Presiden", "Padang", "RanahBerita"),  # a one-word CamelCase outlet
    ("Sementara itu -", None, None),
    # session 13, from analyst probes: a region or a date before the agency, outlets not listed
    ("Kalabahi, NTT (ANTARA) - Presiden", "Kalabahi", "ANTARA"),
    ("BEOGRAD, Serbia (AP) — Presiden", "BEOGRAD", "AP"),
    ("BEOGRAD, 17 November (Reuters) - Presiden", "BEOGRAD", "Reuters"),
    ("BAKU/YEREVAN, 4 Oktober (Reuters) - Azerbaijan", "BAKU/YEREVAN", "Reuters"),  # a joint dateline (session 14)
    ("Kupang, Suara Timor - Presiden", "Kupang", "Suara Timor"),
    ("KENDARI, Indonesia, 11 Nov (Reuters) - Presiden", "KENDARI", "Reuters"),  # region and date (session 22)
    ("SEMARANG, Jateng Raya – Presiden", "SEMARANG", "Jateng Raya"),  # "Raya" in press_words.txt (session 22)
    ("Jakarta, Bisnis Harian - Presiden", "Jakarta", "Bisnis Harian"),
    ("KALABAHI, FLOBAMORA POS - Presiden", "KALABAHI", "FLOBAMORA POS"),
    ("Jakarta, Harian Nusantara -- Presiden", "Jakarta", "Harian Nusantara"),
    ("Jakarta, Senin - Presiden", None, None),  # a weekday is no outlet
    ("JAKARTA, Senin (4/3) - Presiden", None, None),
    ("Ketua DPR, Puan Maharani - Presiden", None, None),
    ("Jokowi, Prabowo Bertemu - Presiden", None, None),
    # session 16 (probe 6): an outlet as one word in capitals; a short office is none
    ("WEDA, KABARTIMUR – Presiden", "WEDA", "KABARTIMUR"),
    ("JAKARTA, SUARASENAYAN - Presiden", "JAKARTA", "SUARASENAYAN"),
    ("Jakarta, BNPB - Presiden", None, None),
    # session 28 (probe 12): a domain with a hyphen; a two-word press name alone is the outlet
    ("TRIBUN-MEDAN.com, DELI SERDANG - Presiden", "DELI SERDANG", "TRIBUN-MEDAN.com"),
    ("PIKIRAN RAKYAT - Presiden", None, "PIKIRAN RAKYAT"),
    ("METRO - Presiden", "METRO", None),  # the city in Lampung
])
def test_datelines(opening, place, outlet):
    art, _ = run_blocks("Judul Berita Ini\n\n" + opening + " Joko Widodo meresmikan jembatan itu pada Senin.\n")
    assert art.dateline == place
    assert art.outlet == outlet


def test_no_title_when_first_paragraph_is_prose():
    art, blocks = run_blocks("Presiden Joko Widodo meresmikan jembatan itu pada Senin (4/3). Jembatan itu panjangnya 1.500 meter.\n\nIa berharap jembatan itu memperlancar arus barang.\n")
    assert all(k == "body" for _, k in blocks)
    assert art.title is None


def test_metadata_title_marks_first_line_and_repeats():
    art, blocks = run_blocks("Banjir di Jakarta\n\nBanjir di Jakarta\n\nBanjir melanda Jakarta pada Senin.\n", title="Banjir di Jakarta")
    assert [k for _, k in blocks] == ["title", "duplicate_title", "body"]


def test_hard_wrapped_paragraph_is_one_block_but_headline_is_not_fused():
    text = ("Headline Pendek Tanpa Titik\n"
            "Presiden Joko Widodo meresmikan jembatan terpanjang di Kalimantan Timur pada\n"
            "hari Senin, didampingi oleh sejumlah menteri kabinet.\n")
    _, blocks = run_blocks(text)
    assert blocks[0] == ("Headline Pendek Tanpa Titik", "title")
    assert len(blocks) == 2 and blocks[1][1] == "body" and blocks[1][0].endswith("kabinet.")


def test_a_long_metadata_headline_is_never_fused_with_the_lead_below_it():
    """An HTML page's extracted text puts the headline and the lead on consecutive lines; a
    headline over 60 characters without a full stop looked like a hard-wrapped line (session 13)."""
    title = "Polisi: Jumlah Tersangka Kericuhan di Alun-alun Kota Bertambah Jadi 37 Orang"
    text = title + "\nBandung - Polres menambah jumlah tersangka kericuhan di alun-alun kota menjadi 37 orang.\n"
    art, blocks = run_blocks(text, title=title)
    assert blocks[0] == (title, "title")
    assert blocks[1][1] == "body" and blocks[1][0].startswith("Bandung - ")
    assert art.dateline == "Bandung"


def test_every_nonempty_line_is_covered_and_nothing_changes():
    text = "Judul\r\n\r\nBaca juga: x\r\nIsi berita yang panjang sekali. Kalimat kedua.\r\n\r\n  Editor: Y  \r\n"
    art, blocks = run_blocks(text)
    assert art.text == text
    covered = "".join(art.text[b.start:b.end] for b in art.blocks)
    assert covered.replace(" ", "") == "".join(l.strip() for l in text.splitlines()).replace(" ", "")


CHROME_STARTS = ("baca juga", "simak juga", "sumber", "reporter", "editor", "penulis", "video", "foto",
                 "pewarta", "lihat juga")


def test_no_indosum_body_paragraph_is_flagged(shared):
    """Real paragraphs from IndoSum (non-held-out): only genuine chrome may be flagged."""
    from telaah.datasets.indosum import iter_articles, detokenize

    checked = wrong = 0
    bad = []
    for rec in iter_articles(shared):
        for para in rec["paragraphs"]:
            line = " ".join(detokenize(s) for s in para)
            checked += 1
            if classify_line(line)[0] != "body" and not line.lower().startswith(CHROME_STARTS) and "(foto" not in line.lower() \
                    and len(line.split()) > 4:
                wrong += 1
                bad.append(line[:100])
    assert checked > 10000
    assert wrong == 0, bad[:10]


def test_caption_glued_to_photo_credit():
    text = ("Judul Berita\n\nBagikan:\nMiryam mengenakan rompi tahanan saat keluar dari Gedung KPK, Selasa dini hari.\n"
            "Foto: ANTARA/Ilustrasi Redaksi\n\nJakarta (ANTARA) - KPK resmi menahan Miryam.\n")
    _, blocks = run_blocks(text)
    kinds = dict(blocks)
    assert kinds["Miryam mengenakan rompi tahanan saat keluar dari Gedung KPK, Selasa dini hari."] == "caption"
    assert kinds["Jakarta (ANTARA) - KPK resmi menahan Miryam."] == "body"


def test_dateline_in_the_first_prose_paragraph_after_menu_lines():
    """Menu words left above the lead do not hide its dateline (analyst's probe, Antara Sumbar)."""
    text = ("Banjir Bandang di Pesisir Selatan\nBeranda\nBerita\nSumbar\n\n"
            "Padang (ANTARA) - BPBD Sumatera Barat mencatat 12 orang meninggal dunia.\n\n"
            "Puluhan warga lainnya masih hilang.\n")
    art, blocks = run_blocks(text)
    assert [k for _, k in blocks] == ["title", "boilerplate", "boilerplate", "boilerplate", "body", "body"]
    assert art.dateline == "Padang" and art.outlet == "ANTARA"


def test_outlet_dateline_found_behind_a_caption_glued_to_the_headline():
    text = ("ANTARA News Sumatera Barat\nBeranda\n"
            "Banjir bandang dan longsor di Pesisir Selatan, 12 orang meninggal\n"
            "Petugas gabungan mengevakuasi warga yang terjebak banjir, Selasa (5/3/2024).\n"
            "Foto: ANTARA/Fandi Yogari\n\n"
            "Padang (ANTARA) - BPBD Sumatera Barat mencatat 12 orang meninggal dunia.\n")
    art, _ = run_blocks(text)
    assert art.dateline == "Padang" and art.outlet == "ANTARA"


def test_weak_dateline_only_in_the_lead_and_never_in_a_headline():
    art, _ = run_blocks("Judul Berita\n\nPresiden meresmikan jembatan itu pada Senin.\n\n"
                        "Jakarta - Menteri Keuangan hadir dalam acara itu.\n")
    assert art.dateline is None
    art, _ = run_blocks("Judul Berita\n\nJokowi - Prabowo Bertemu\n\nPresiden meresmikan jembatan itu pada Senin.\n")
    assert art.dateline is None


def test_dateline_alone_on_its_line_after_menu():
    art, blocks = run_blocks("Judul Berita\nBeranda\n\nJakarta (ANTARA) -\n\nPresiden Joko Widodo meresmikan jembatan itu.\n")
    assert ("Jakarta (ANTARA) -", "dateline") in blocks
    assert art.dateline == "Jakarta" and art.outlet == "ANTARA"


def test_headline_is_not_wrapped_into_a_lead_that_opens_with_an_outlet_dateline():
    title = "Korban Meninggal Banjir Bandang Pesisir Selatan Bertambah Jadi 17 Orang"
    art, blocks = run_blocks(title + "\nPainan (ANTARA) - Jumlah korban meninggal bertambah menjadi 17 orang.\n", title=title)
    assert blocks[0] == (title, "title")
    assert art.dateline == "Painan" and art.outlet == "ANTARA"


def test_headlines_under_a_related_links_header_are_links():
    text = ("Polisi Tangkap 94 Orang dalam Demo\n\nRedaksi Kabar Priangan\n\n"
            "JAKARTA - Polda Metro Jaya menangkap 94 orang dalam unjuk rasa di depan DPR.\n\n"
            "BERITA TERKAIT\n\nDemo Mahasiswa di Bandung Berlangsung Damai\n\n"
            "Ketua DPRD Jabar Temui 500 Mahasiswa di Gedung Sate\n\nKomentar (0)\n")
    _, blocks = run_blocks(text)
    kinds = dict(blocks)
    assert kinds["Redaksi Kabar Priangan"] == "credit"
    assert kinds["Demo Mahasiswa di Bandung Berlangsung Damai"] == "boilerplate"
    assert kinds["Ketua DPRD Jabar Temui 500 Mahasiswa di Gedung Sate"] == "boilerplate"


def test_prose_after_a_related_link_line_stays_body():
    text = ("Judul Berita Hari Ini\n\nJAKARTA - Paragraf pertama berita ini.\n\n"
            "Baca juga: Judul Lain yang Terkait\n\nParagraf kedua tanpa titik di akhir tetap body\n")
    _, blocks = run_blocks(text)
    kinds = dict(blocks)
    assert kinds["Paragraf kedua tanpa titik di akhir tetap body"] == "body"  # the link line names its own headline


@pytest.mark.parametrize("opening,credit", [
    ("BEOGRAD, Serbia (AP) — Presiden", "AP"),
    ("Beograd (AFP) - Presiden", "AFP"),
    ("Kalabahi, NTT (ANTARA) - Presiden", "ANTARA"),
    ("JAKARTA, KOMPAS.com - Presiden", None),  # a publisher, not an agency
    ("Kupang, Suara Timor - Presiden", None),
])
def test_an_agency_in_the_dateline_is_the_credit(opening, credit):
    art, _ = run_blocks("Judul Berita Ini\n\n" + opening + " Joko Widodo meresmikan jembatan itu.\n")
    assert art.credit == credit


def test_a_credit_line_wins_over_the_dateline_agency():
    art, _ = run_blocks("Judul Berita Ini\n\nKalabahi, NTT (ANTARA) - Kapal tenggelam.\n\nSumber: Antara\n")
    assert art.credit == "Antara"


def test_a_bracketed_source_line_is_the_credit():
    art, _ = run_blocks("Judul Berita Ini\n\nANKARA - Gempa mengguncang Malatya.\n\n(Sumber: ANTARA)\n")
    assert art.credit == "ANTARA"


def test_a_reporters_byline_names_the_outlet():
    art, blocks = run_blocks("Judul Berita Ini Cukup Panjang\n\nNovi Christiastuti - detikNews\n\n"
                             "Ankara - Gempa mengguncang Malatya.\n")
    assert art.outlet == "detikNews"
    assert ("Novi Christiastuti - detikNews", "boilerplate") in blocks


def test_a_trailing_desk_code_is_a_credit_not_a_body_sentence():
    _, blocks = run_blocks("Judul Berita Ini\n\nBeograd (AFP) - Oposisi menuduh kecurangan.\n\njkm/sbr\n")
    assert blocks[-1] == ("jkm/sbr", "credit")


@pytest.mark.parametrize("masthead, site", [
    ("HARIAN JAKARTA ONLINE", "HARIAN JAKARTA ONLINE"),
    ("PanturaSatu.id | Home > Peristiwa > Tegal Raya", "PanturaSatu.id"),
    ("Kabar Pantura — Hukum & Kriminal", "Kabar Pantura"),
    ("KNA - Kantor Berita Kabar Nusantara", "KNA"),
    ("BeritaPesisir.com | Berita Terkini Pantura Jawa Timur", "BeritaPesisir.com"),
])
def test_a_sites_name_line_above_the_headline_is_no_title(masthead, site):
    headline = "Polisi Tetapkan Kepala Unit Pasar Tersangka Kebakaran yang Tewaskan 9 Orang"
    a = Article(id="a", text=f"{masthead}\n\nJumat, 20 November 2026 | 11:35 WIB\n\n{headline}\n\n"
                            "TEGAL – Polisi menetapkan SW sebagai tersangka kebakaran pasar, Kamis (19/11). "
                            "Ia ditahan di Mapolres Tegal Kota.")
    BlockStage()(a, Options())
    assert a.title == headline
    assert a.blocks[0].kind == "boilerplate" and a.text[a.blocks[0].start:a.blocks[0].end] == masthead
    assert a.outlet == site  # the masthead names the outlet


def test_a_republished_wire_story_keeps_the_masthead_site_as_outlet_and_the_agency_as_credit():
    """(probe 10) Reuters copy republished under a portal's masthead: the dateline's agency is
    the credit, not the outlet, so the copy is not taken for the agency's own text."""
    art, _ = run_blocks("BeritaPesisir.com | Berita Terkini Pantura Jawa Timur\nHome / Nasional / Peristiwa\n\n"
                        "Korban Tewas Ledakan Gudang Kimia Gresik Jadi 12 Orang, Polisi Temukan Amonium Nitrat\n\n"
                        "GRESIK, Indonesia (Reuters) - Jumlah korban tewas naik menjadi 12 orang, kata polisi.\n\n"
                        "Sumber: Reuters\n")
    assert (art.outlet, art.credit) == ("BeritaPesisir.com", "Reuters")


def test_the_datelines_spelling_of_the_masthead_site_wins():
    art, _ = run_blocks("LOMBOKSPORT.ID — Sepak Bola Lokal\n\nSelaparang FC Tekuk Bintang Timur Sambelia 3-1 di Mataram\n\n"
                        "MATARAM (LombokSport.id) - Selaparang FC menang 3-1 atas Bintang Timur Sambelia, Minggu (22/11).\n")
    assert art.outlet == "LombokSport.id"


def test_a_short_headline_in_capitals_with_no_headline_after_it_stays_the_title():
    a = Article(id="a", text="GEMPA GUNCANG CIANJUR\n\nGempa bermagnitudo 5,6 mengguncang Cianjur, Senin (21/11). "
                             "Ratusan rumah rusak.")
    BlockStage()(a, Options())
    assert a.title == "GEMPA GUNCANG CIANJUR"


def test_breadcrumb_above_the_headline_is_not_the_title():
    """(session 21, probe 8) a republishing portal's masthead and "›" breadcrumb above a
    headline printed twice: the headline is the title, the breadcrumb chrome."""
    text = ("SuaraRinjani.id | Berita Lombok, Sumbawa & NTB Terkini\nBeranda  ›  Daerah  ›  Lombok Timur\n\n"
            "Gempa M6,2 Guncang Lombok Timur, 12 Orang Meninggal Dunia\n\n"
            "Gempa M6,2 Guncang Lombok Timur, 12 Orang Meninggal Dunia\n\n"
            "MATARAM, SuaraRinjani.id – BPBD NTB mencatat 12 orang meninggal dunia akibat gempa.\n")
    art, blocks = run_blocks(text)
    assert art.title == "Gempa M6,2 Guncang Lombok Timur, 12 Orang Meninggal Dunia"
    assert ("Beranda  ›  Daerah  ›  Lombok Timur", "boilerplate") in blocks


@pytest.mark.parametrize("line,outlet", [
    # session 25 (probe 11): a date line after a site's name and a dash is chrome, not the lead
    ("Kabar Ciranggon - Selasa, 10 November 2026 - 15:47 WIB", None),
    # and a domain there names the outlet (probe 5a)
    ("TenggaraNews.id – Selasa, 27 Oktober 2026", "TenggaraNews.id"),
])
def test_a_site_date_line_is_chrome_and_a_domain_there_names_the_outlet(line, outlet):
    text = f"Warga laporkan pengembang ke polisi\n\n{line}\n\nKENDARI – Puluhan warga melapor ke polisi, Selasa (27/10/2026)."
    article = Article(id="a", text=text)
    BlockStage()(article, Options())
    kinds = [(article.text[b.start:b.end], b.kind) for b in article.blocks]
    assert (line, "boilerplate") in kinds
    assert article.outlet == outlet
