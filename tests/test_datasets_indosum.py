"""IndoSum reader: detokenisation (a table of real token runs) and the record helpers.

The detokenisation table runs without the shared data: each case is a run of tokens copied
from an IndoSum record crawled before July 2017 (its id is given). The reader tests need
../shared/data/indosum-dev and skip cleanly when it is absent.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from telaah.datasets import shared_data_dir
from telaah.datasets import indosum
from telaah.datasets.indosum import (
    HELDOUT_FROM,
    IndoSumError,
    article_text,
    crawl_time,
    detokenize,
    detokenize_paragraph,
    is_heldout,
    iter_articles,
    published_date,
    sentences,
    summary_text,
    url_date,
)

NBSP = "\xa0"

DETOKENIZE_CASES = [
    # (source id, tokens, expected)
    ("1490674536-mustahil-transportasi-tradisional-dan-online-bersa",
     [",", "Senayan", ",", "Jakarta", "Pusat", ",", "Senin", "(", "27", "/", "3", ")", "."],
     ", Senayan, Jakarta Pusat, Senin (27/3)."),
    ("1494050400-kpk-akan-kembali-periksa-elza-syarief",
     ["Febri", "Diansyah", "di", "Jakarta", ",", "Jumat", "(", "05", "/", "05", "/", "2017", ")", "."],
     "Febri Diansyah di Jakarta, Jumat (05/05/2017)."),
    ("1479083453-ronaldo-tak-kesulitan-main-hingga-usia-41",
     ["Jakarta", ",", "CNN", "Indonesia", "-", "-", "Pelatih", "fisik", "timnas", "Portugal", ",", "Joao"],
     "Jakarta, CNN Indonesia -- Pelatih fisik timnas Portugal, Joao"),
    ("1478831433-harapan-veteran-untuk-para-pemuda-bangsa",
     ["Jakarta", "(", "ANTARA", "News", ")", "-", "Salah", "seorang", "veteran", "pejuang", "kemerdekaan", ","],
     "Jakarta (ANTARA News) - Salah seorang veteran pejuang kemerdekaan,"),
    ("1495962000-sung-ji-hyun-antar-korea-capai-final-piala-sudirma",
     ["GOLD", "COAST", ",", "JUARA.net", "-", "Pebulu", "tangkis", "tunggal", "putri"],
     "GOLD COAST, JUARA.net - Pebulu tangkis tunggal putri"),
    ("1491530431-keikutsertaan-timnas-u-22-di-isg-2017-belum-jelas",
     ["Rimanews", "-", "Komite", "Olimpiade", "Indonesia", "(", "KOI", ")"],
     "Rimanews - Komite Olimpiade Indonesia (KOI)"),
    ("1494217996-hazard-diklaim-tidak-akan-sanggup-tolak-rayuan-mad",
     ["Merdeka.com", "-", "Salah", "satu", "legenda", "Arsenal", "Ian", "Wright"],
     "Merdeka.com - Salah satu legenda Arsenal Ian Wright"),
    ("1492818356-kpk-periksa-farhat-abbas",
     ["Miryam", "S.", "Haryani", ",", "dalam", "persidangan", "e", "-", "KTP", "beberapa", "waktu", "lalu", "."],
     "Miryam S. Haryani, dalam persidangan e-KTP beberapa waktu lalu."),
    ("1494050400-kpk-akan-kembali-periksa-elza-syarief",
     ["uang", "dalam", "penganggaran", "KTP", "-", "E."],
     "uang dalam penganggaran KTP-E."),
    ("1473304515-kpk-tahan-politisi-pan",
     ["pasal", "55", "ayat", "(", "1", ")", "ke", "-", "1", "KUHP", "yang", "mengatur"],
     "pasal 55 ayat (1) ke-1 KUHP yang mengatur"),
    ("1495741020-pelaku-bom-kampung-melayu-jaringan-isis",
     [",", "Al", "-", "Qaidah", "sudah", "tidak", "lagi", "melakukan", "serangan-serangan", "bom"],
     ", Al-Qaidah sudah tidak lagi melakukan serangan-serangan bom"),
    ("1495962000-sung-ji-hyun-antar-korea-capai-final-piala-sudirma",
     ["menang", "atas", "Ratchanok", "Intanon", ",", "21", "-", "13", ",", "21", "-", "17"],
     "menang atas Ratchanok Intanon, 21-13, 21-17"),
    ("1497659705-puncak-arus-mudik-diprediksi-kamis-malam-22-juni",
     ["arus", "mudik", "lebaran", "2017", "terjadi", "pada", "Kamis", ",", "22", "Juni", "."],
     "arus mudik lebaran 2017 terjadi pada Kamis, 22 Juni."),
    ("1492835445-keluarga-gelar-pengajian-untuk-jupe-sore-ini",
     ["Insyaallah", "besok", "(", "Jumat", ",", "21", "April", ")", "saya", "kasih"],
     "Insyaallah besok (Jumat, 21 April) saya kasih"),
    ("1498188600-jaksa-minta-hakim-tolak-pencabutan-bap-miryam",
     ["kasus", "korupsi", "yang", "merugikan", "negara", "Rp", "2,3", "triliun", "."],
     "kasus korupsi yang merugikan negara Rp 2,3 triliun."),
    ("1491029704-ipad-rp-4-jutaan-siap-meluncur-di-indonesia",
     ["Harganya", "cuma", "US$", "329", "atau", "sekitar", "Rp", "4", "jutaan"],
     "Harganya cuma US$ 329 atau sekitar Rp 4 jutaan"),
    ("1497916800-intudo-ventures-memasuki-ekosistem-startup-indones",
     ["mengumpulkan", "dana", "$", "10", "juta", "(", "lebih", "dari", "130", "miliar"],
     "mengumpulkan dana $10 juta (lebih dari 130 miliar"),
    ("1491481823-alex-rins-pakai-kruk-boleh-ikut-balapan",
     ["di", "Argentina", ",", "walau", "kondisi", "tidak", "100", "%", "fit", "."],
     "di Argentina, walau kondisi tidak 100% fit."),
    ("1498267800-jadwal-motogp-belanda-2017",
     ["digelar", "pukul", "14.00", "waktu", "Eropa", "(", "19.00", "WIB", ")"],
     "digelar pukul 14.00 waktu Eropa (19.00 WIB)"),
    ("1496990100-pertamina-pedekate-tiga-perusahaan-migas-asing",
     ["Memang", "nature", "-nya", "bisnis", "hulu", "migas", "kan", "sharing", ","],
     "Memang nature-nya bisnis hulu migas kan sharing,"),
    ("1480642240-piala-maya-2016-ikut-apresiasi-karya-video-musik",
     ["Golden", "Globe", "Awards", ",", "People", "’s", "Choice", "Awards"],
     "Golden Globe Awards, People’s Choice Awards"),
    ("1489269645-proses-pembebasan-lahan-tol-kunciran-bandara-soeta",
     ["kemampuan", "BPN", "dan", "pemerintah", "kota", "/", "kabupaten", "untuk"],
     "kemampuan BPN dan pemerintah kota/kabupaten untuk"),
    ("1496990100-pertamina-pedekate-tiga-perusahaan-migas-asing",
     ["hak", "partisipasi", "(", "Participating", "Interest", "/", "PI", ")", "di"],
     "hak partisipasi (Participating Interest / PI) di"),
    ("1491408690-ibrahimovic-batalkan-kemenangan-everton",
     ["Watford", "2", "-", "0", "West", "Bromwich", "Albion", "(", "Mbaye", "Niang", "13", "'", ",",
      "Troy", "Deeney", "49", "'", ")"],
     "Watford 2-0 West Bromwich Albion (Mbaye Niang 13', Troy Deeney 49')"),
    ("1496826000-djanur-tak-pimpin-latihan-persib-ke-mana",
     ["tekanan", "dari", "para", "Bobotoh", "--", "sebutan", "suporter", "Persib", "--", "yang", "memintanya"],
     "tekanan dari para Bobotoh -- sebutan suporter Persib -- yang memintanya"),
    ("1485240343-arema-fc-rebut-kiper-persela-lamongan",
     ["SIMAK", "JUGA", ":", NBSP, "Arema", "Datangkan", "Pemain", "Naturalisasi"],
     "SIMAK JUGA: Arema Datangkan Pemain Naturalisasi"),
    ("1490674536-mustahil-transportasi-tradisional-dan-online-bersa",
     ["Baca", "juga", ":", "Setya", "Novanto", ":", "Jangan", "Sampai", "Kisruh"],
     "Baca juga: Setya Novanto: Jangan Sampai Kisruh"),
    ("1492474224-sandi-beri-pelatihan-wirausaha-di-masa-tenang",
     ["balik", "(", "ke", "orang", "tua", ")", "lagi", ",", '"', "kata", "Sandi", "."],
     'balik (ke orang tua) lagi," kata Sandi.'),
    ("1495836000-lilipaly-kirim-pesan-dukungan-buat-jakarta",
     ["Melalui", "Instagram", "pula", ",", "mereka", "menuliskan", ",", '"', "Jakarta", "kuat", "."],
     'Melalui Instagram pula, mereka menuliskan, "Jakarta kuat.'),
    ("1493749800-kpk-akan-jerat-pihak-yang-sembunyikan-miryam",
     ['"', "Itu", "masuk", "dalam", "pertimbangan", "kami", ",", '"', "kata", "Tessa", ",", "di",
      "Gedung", "KPK", ",", "Jakarta", ",", "Senin", "(", "1", "/", "5", ")", "."],
     '"Itu masuk dalam pertimbangan kami," kata Tessa, di Gedung KPK, Jakarta, Senin (1/5).'),
    ("1479083453-ronaldo-tak-kesulitan-main-hingga-usia-41",
     ["pengalamannya", "yang", "terus", "bertambah", ",", "”", "ujar", "Aroso", "."],
     "pengalamannya yang terus bertambah,” ujar Aroso."),
    ("1479083453-ronaldo-tak-kesulitan-main-hingga-usia-41",
     ["“", "Jika", "dia", "tak", "bermasalah", "dengan", "cedera"],
     "“Jika dia tak bermasalah dengan cedera"),
    ("1497668760-selena-gomez-perankan-empat-karakter",
     ["poster", "bertuliskan", "'", "Bad", "Liar", "'", "lewat", "akun", "Instagram"],
     "poster bertuliskan 'Bad Liar' lewat akun Instagram"),
    ("1497668760-selena-gomez-perankan-empat-karakter",
     ["isyarat", "lain", "yang", "akan", "datang", "bertuliskan", "'", "Fetish", ".", "'"],
     "isyarat lain yang akan datang bertuliskan 'Fetish.'"),
    ("1495423800-lorenzo-kecelakaan-miller-adalah-peringatan-dari-t",
     ["Miller", "adalah", "sebuah", "‘", "Peringatan", "dari", "Tuhan’", "."],
     "Miller adalah sebuah ‘Peringatan dari Tuhan’."),
    ("1496621700-alasan-suzuki-perpanjang-promo-gsx-150",
     ["versi", "nakednya", ",", "bakal", "`", "bersikutan", "`", "dengan", "Honda"],
     "versi nakednya, bakal `bersikutan` dengan Honda"),
    ("1491612309-marquez-dan-keinginan-bangun-sirkuit-di-indonesia",
     ['"', "Mungkin", "...", "entahlah", ",", "di", "Misano", "...", "tidak"],
     '"Mungkin... entahlah, di Misano... tidak'),
    ("1495491000-arnold-schwarzenegger-masih-akan-jadi-terminator",
     ["sutradara", "Thor", ":", "The", "Dark", "World", ",", "bakal", "punya"],
     "sutradara Thor: The Dark World, bakal punya"),
]


@pytest.mark.parametrize(
    "tokens, expected",
    [pytest.param(tokens, expected, id=f"{source[:10]}-{i}") for i, (source, tokens, expected) in enumerate(DETOKENIZE_CASES)],
)
def test_detokenize_real_token_runs(tokens, expected):
    assert detokenize(tokens) == expected


@pytest.mark.parametrize(
    "tokens, expected",
    [
        (["Rp", "3", ",", "58", "juta"], "Rp 3,58 juta"),  # split decimal before a magnitude word
        (["naik", "2", ",", "5", "persen"], "naik 2,5 persen"),
        (["pada", "2020", ",", "2022", ",", "dan", "2023"], "pada 2020, 2022, dan 2023"),
        (["JAKARTA", "-", "Presiden"], "JAKARTA - Presiden"),
        (["- ", "Bobot", "189", "gram"], "- Bobot 189 gram"),
        (["(", '"', "kutipan", '"', ")"], '("kutipan")'),
        ([], ""),
        ([" ", "\n", NBSP], ""),
    ],
)
def test_detokenize_edge_cases(tokens, expected):
    assert detokenize(tokens) == expected


def test_quotes_pair_across_sentences_of_a_paragraph():
    # 1490674536-mustahil-transportasi-tradisional-dan-online-bersa, paragraph 3 (shortened)
    paragraph = [
        ['"', "Tidak", "hanya", "tarif", "tapi", "apa", "saja", "harus", "diatur", "."],
        ["Kan", "bisa", "saling", "melengkapi", ",", '"', "ucap", "Zulkifli", "."],
    ]
    assert detokenize_paragraph(paragraph) == [
        '"Tidak hanya tarif tapi apa saja harus diatur.',
        'Kan bisa saling melengkapi," ucap Zulkifli.',
    ]


def test_closing_quote_split_into_next_sentence_moves_back():
    paragraph = [
        ["Ia", "menyebut", '"', "luasnya", "pembuatan", "film", "."],
        ['"', "Dia", "kemudian", "berperan", "."],
    ]
    assert detokenize_paragraph(paragraph) == [
        'Ia menyebut "luasnya pembuatan film."',
        "Dia kemudian berperan.",
    ]


@pytest.mark.parametrize(
    "article_id, heldout",
    [
        ("1498867199-x", False),
        ("1498867200-x", True),
        ("1493749800-kpk-akan-jerat-pihak-yang-sembunyikan-miryam", False),
        ("1519440673-juru-parkir-di-sukabumi", True),
    ],
)
def test_heldout_boundary(article_id, heldout):
    assert is_heldout(article_id) is heldout
    assert HELDOUT_FROM == 1498867200


def test_crawl_time_is_utc():
    assert crawl_time("1498867200-x") == datetime(2017, 7, 1, tzinfo=timezone.utc)


def test_bad_id_is_a_clear_error():
    with pytest.raises(IndoSumError):
        is_heldout("no-timestamp-here")


@pytest.mark.parametrize(
    "url, expected",
    [
        ("http://www.cnnindonesia.com/nasional/20170505195106-12-212688/pengacara-beberkan/", date(2017, 5, 5)),
        ("http://rimanews.com/nasional/hukum/read/20170505/323987/KPK-akan-kembali-periksa-Elza-Syarief", date(2017, 5, 5)),
        ("https://www.merdeka.com/peristiwa/2017/06/07/keluarga-desak-djanur.html", date(2017, 6, 7)),
        ("https://kumparan.com/taufik-rahadian/kpk-akan-jerat-pihak-yang-sembunyikan-miryam", None),
        ("", None),
    ],
)
def test_url_date(url, expected):
    assert url_date(url) == expected


def test_published_date_prefers_url_then_crawl_date_in_wib():
    with_url = {"id": "1494050400-x", "source_url": "http://rimanews.com/read/20170505/323987/x"}
    assert published_date(with_url) == date(2017, 5, 5)
    # 1493749800 = 2017-05-02 18:30 UTC = 2017-05-03 01:30 WIB
    without = {"id": "1493749800-x", "source_url": "https://kumparan.com/a/b"}
    assert published_date(without) == date(2017, 5, 3)


def test_layout_offsets_and_gold_labels_on_a_small_record():
    record = {
        "id": "1490674536-x",
        "paragraphs": [
            [["Ketua", "MPR", "menyesalkan", "kisruh", "."], ["Zulkifli", "menyarankan", "pertemuan", "."]],
            [[NBSP]],
            [['"', "Tidak", "hanya", "tarif", ",", '"', "ucap", "Zulkifli", "."]],
        ],
        "gold_labels": [[True, False], [False], [True]],
        "summary": [["Ketua", "MPR", "menyesalkan", "kisruh", "."]],
    }
    text = article_text(record)
    assert text == (
        "Ketua MPR menyesalkan kisruh. Zulkifli menyarankan pertemuan.\n\n"
        '"Tidak hanya tarif," ucap Zulkifli.'
    )
    sents = sentences(record)
    assert [(s.paragraph, s.index, s.gold) for s in sents] == [(0, 0, True), (0, 1, False), (1, 0, False), (2, 0, True)]
    for s in sents:
        assert text[s.start:s.end] == s.text
    assert summary_text(record) == "Ketua MPR menyesalkan kisruh."


# ---------------------------------------------------------------------------------------------
# against the real files


@pytest.fixture(scope="module")
def indosum_dir():
    base = shared_data_dir()
    if base is None or not (base / "indosum-dev").is_dir():
        pytest.skip("../shared/data not found: set TELAAH_SHARED to the shared data folder to run IndoSum tests")
    return base / "indosum-dev"


def test_iter_articles_dedupes_and_holds_out(indosum_dir):
    visible = [r["id"] for r in iter_articles(indosum_dir)]
    everything = [r["id"] for r in iter_articles(indosum_dir, include_heldout=True)]
    assert len(everything) == len(set(everything)) == 3463
    assert len(visible) == len(set(visible))
    assert not any(is_heldout(i) for i in visible)
    assert set(visible) == {i for i in everything if not is_heldout(i)}


def test_real_records_round_trip_offsets(indosum_dir):
    for n, record in enumerate(iter_articles(indosum_dir)):
        if n >= 200:
            break
        text = article_text(record)
        sents = sentences(record)
        assert len(sents) == sum(len(p) for p in record["paragraphs"])
        for s in sents:
            assert text[s.start:s.end] == s.text
        assert "  " not in text and " ," not in text and "( " not in text
        assert isinstance(published_date(record), date)


def test_known_record_reads_as_expected(indosum_dir):
    (record,) = indosum.load_articles(["1493749800-kpk-akan-jerat-pihak-yang-sembunyikan-miryam"], indosum_dir)
    text = article_text(record)
    assert '"Itu masuk dalam pertimbangan kami," kata Tessa, di Gedung KPK, Jakarta, Senin (1/5).' in text
    assert "proyek e-KTP." in text
    assert record["source"] == "kumparan"


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(IndoSumError):
        list(iter_articles(tmp_path / "nope"))
