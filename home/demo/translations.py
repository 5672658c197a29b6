"""Polish and Urdu versions of the home page, the review index, Baby M and the referral form.

Built through wagtail-localize exactly as an editor would (submit for
translation, fill the strings through a PO file, save a draft) and published
through the "Safeguarding sign-off" workflow: the demo editor submits, the demo
moderator approves. The contact panels and learning themes those pages use
are translated and signed off the same way.

These are demonstration translations, not checked by a native speaker. The
pages say so at the top (``NOTICE``), and text without a translation below is
left in English (wagtail-localize's fallback). Idempotent: a page or snippet
that already has a translation in a language is left as editors left it.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page

from sscp_wagtail.i18n.translate import approve, submit_for_sign_off, translate
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.models import ContactPanel
from sscp_wagtail.referrals import demo as referral_form

from . import content

PAGES = ("", referral_form.SLUG, content.INDEX, f"{content.INDEX}/baby-m")

# The referral form's intro paragraphs, then its thank-you text.
_FORM_INTRO = tuple(re.findall(r"<p>(.*?)</p>", referral_form.INTRO + referral_form.THANK_YOU_TEXT))
# Put in front of the first text a reader sees on each translated page.
NOTICE = {
    "pl": "[Tekst demonstracyjny: tłumaczenie niesprawdzone przez native speakera; część strony jest po angielsku.] ",
    "ur": "[نمونے کا متن: اس ترجمے کی کسی اہلِ زبان نے جانچ نہیں کی؛ صفحے کا کچھ حصہ انگریزی میں ہے۔] ",
}
# The strings that open each page: the notice goes in front of these.
NOTICE_BEFORE = {
    "Learning from reviews of cases where children have died or been seriously harmed, "
    "and how to refer a case for review.",
    "Stockport SSCP conducts formal reviews of child abuse cases in accordance with central government "
    "guidance contained in Working Together to Safeguard Children.",
    "Baby M, a baby with complex health needs, died in October 2017 when there were concerns of death by overlay. "
    "Learning on alcohol and safe sleep, discharge planning and supporting parents.",
    _FORM_INTRO[0],
}
# The referral form's wording (intro, confirmation and fields) in each language.
_CONFIRM = "I confirm that the information I have given is accurate to the best of my knowledge"
REFERRAL_FORM_TEXT = {
    "pl": {
        referral_form.TITLE: "Zgłoszenie przypadku do przeglądu",
        referral_form.SEARCH_DESCRIPTION: "Zgłoś przypadek partnerstwu do przeglądu.",
        _FORM_INTRO[0]: "Jeśli chcesz zgłosić przypadek, wypełnij poniższy formularz. Trafi on bezpośrednio do "
        "Safeguarding Unit (Zespołu ds. Ochrony Dzieci), a Ty otrzymasz numer referencyjny.",
        _FORM_INTRO[1]: "Opisz przypadek, w którym dziecko zmarło lub doznało poważnej krzywdy, krzywdzenie lub "
        "zaniedbanie jest znane lub podejrzewane, a istnieją obawy co do współpracy instytucji. Podaj tylko "
        "inicjały i wiek dziecka: Safeguarding Unit skontaktuje się z Tobą, jeśli będzie potrzebować innych "
        "informacji.",
        _FORM_INTRO[2]: "Safeguarding Unit rozpatrzy Twoje zgłoszenie i skontaktuje się z Tobą w ciągu pięciu dni "
        "roboczych. Jeśli uzna, że przypadek spełnia kryteria, rozpocznie szybki przegląd (Rapid Review).",
        "Your name": "Imię i nazwisko",
        "Your role": "Twoja funkcja",
        "For example: health visitor, social worker, teacher.": "Na przykład: pielęgniarka środowiskowa, "
        "pracownik socjalny, nauczyciel.",
        "Your agency": "Twoja instytucja",
        "The organisation you work for.": "Organizacja, w której pracujesz.",
        "Your email address": "Twój adres e-mail",
        "We will only use this to contact you about this referral.": "Użyjemy go tylko do kontaktu w sprawie "
        "tego zgłoszenia.",
        "Your phone number": "Twój numer telefonu",
        "Child’s initials": "Inicjały dziecka",
        "Initials only, for example J.S. Do not give the child’s name.": "Tylko inicjały, na przykład J.S. "
        "Nie podawaj imienia dziecka.",
        "Child’s age": "Wiek dziecka",
        "In years; for a baby under one, write 0.": "W latach; w przypadku niemowlęcia poniżej roku wpisz 0.",
        "What happened": "Co się stało",
        "What happened to the child, when, and which agencies were involved.": "Co spotkało dziecko, kiedy "
        "i które instytucje były zaangażowane.",
        "Which criteria apply": "Które kryteria mają zastosowanie",
        "Select all that apply.": "Zaznacz wszystkie, które mają zastosowanie.",
        referral_form.CRITERIA: "Dziecko zmarło lub doznało poważnej krzywdy\n"
        "Krzywdzenie lub zaniedbanie dziecka jest znane lub podejrzewane\n"
        "Istnieją obawy co do współpracy instytucji w ochronie dziecka",
        "Supporting document": "Dokument uzupełniający",
        "Optional. A PDF, DOCX or ODT document, smaller than 10 MB.": "Opcjonalnie. Dokument PDF, DOCX lub ODT "
        "mniejszy niż 10 MB.",
        _CONFIRM: "Potwierdzam, że podane przeze mnie informacje są zgodne z prawdą według mojej najlepszej wiedzy",
    },
    "ur": {
        referral_form.TITLE: "کیس کے جائزے کے لیے ریفرل",
        referral_form.SEARCH_DESCRIPTION: "کسی کیس کو جائزے کے لیے شراکت داری کو بھیجیں۔",
        _FORM_INTRO[0]: "اگر آپ کسی کیس کا ریفرل کرنا چاہتے ہیں تو نیچے دیا گیا ریفرل فارم پُر کریں۔ یہ سیدھا "
        "سیف گارڈنگ یونٹ کو جاتا ہے، اور آپ کو ایک حوالہ نمبر دیا جائے گا۔",
        _FORM_INTRO[1]: "ہمیں ایسے کیس کے بارے میں بتائیں جس میں کوئی بچہ فوت ہوا یا اسے شدید نقصان پہنچا، "
        "بدسلوکی یا غفلت معلوم ہے یا اس کا شبہ ہے، اور اداروں کے مل کر کام کرنے کے طریقے پر تشویش ہے۔ صرف بچے کے "
        "نام کے ابتدائی حروف اور عمر بتائیں: سیف گارڈنگ یونٹ کو کسی اور چیز کی ضرورت ہوئی تو وہ آپ سے رابطہ کرے گا۔",
        _FORM_INTRO[2]: "سیف گارڈنگ یونٹ آپ کے ریفرل پر غور کرے گا اور پانچ کاروباری دنوں کے اندر آپ سے رابطہ "
        "کرے گا۔ اگر وہ فیصلہ کرے کہ کیس معیار پر پورا اترتا ہے تو وہ ریپڈ ریویو (فوری جائزہ) شروع کرے گا۔",
        "Your name": "آپ کا نام",
        "Your role": "آپ کا عہدہ",
        "For example: health visitor, social worker, teacher.": "مثال کے طور پر: ہیلتھ وزیٹر، سوشل ورکر، استاد۔",
        "Your agency": "آپ کا ادارہ",
        "The organisation you work for.": "وہ ادارہ جس میں آپ کام کرتے ہیں۔",
        "Your email address": "آپ کا ای میل پتہ",
        "We will only use this to contact you about this referral.": "ہم اسے صرف اس ریفرل کے بارے میں آپ سے "
        "رابطے کے لیے استعمال کریں گے۔",
        "Your phone number": "آپ کا فون نمبر",
        "Child’s initials": "بچے کے نام کے ابتدائی حروف",
        "Initials only, for example J.S. Do not give the child’s name.": "صرف ابتدائی حروف، مثلاً J.S.۔ بچے "
        "کا نام نہ لکھیں۔",
        "Child’s age": "بچے کی عمر",
        "In years; for a baby under one, write 0.": "سالوں میں؛ ایک سال سے کم عمر بچے کے لیے 0 لکھیں۔",
        "What happened": "کیا ہوا",
        "What happened to the child, when, and which agencies were involved.": "بچے کے ساتھ کیا ہوا، کب، اور "
        "کون سے ادارے شامل تھے۔",
        "Which criteria apply": "کون سے معیار لاگو ہوتے ہیں",
        "Select all that apply.": "جو بھی لاگو ہوں، سب منتخب کریں۔",
        referral_form.CRITERIA: "بچہ فوت ہو گیا ہے یا اسے شدید نقصان پہنچا ہے\n"
        "بچے کے ساتھ بدسلوکی یا غفلت معلوم ہے یا اس کا شبہ ہے\n"
        "بچے کے تحفظ کے لیے اداروں کے مل کر کام کرنے کے طریقے پر تشویش ہے",
        "Supporting document": "معاون دستاویز",
        "Optional. A PDF, DOCX or ODT document, smaller than 10 MB.": "اختیاری۔ PDF، DOCX یا ODT دستاویز، "
        "10 MB سے چھوٹی۔",
        _CONFIRM: "میں تصدیق کرتا/کرتی ہوں کہ میری دی گئی معلومات میرے بہترین علم کے مطابق درست ہیں",
    },
}

TEXT = {
    "pl": {
        content.SITE_NAME: "Partnerstwo na rzecz Ochrony Dzieci w Stockport",
        "Learning from reviews of cases where children have died or been seriously harmed, "
        "and how to refer a case for review.": "Wnioski z przeglądów przypadków, w których dzieci zmarły lub doznały "
        "poważnej krzywdy, oraz informacje o tym, jak zgłosić przypadek do przeglądu.",
        "Serious case reviews": "Przeglądy poważnych przypadków",
        "Serious Case Reviews": "Przeglądy poważnych przypadków",
        "Stockport SSCP conducts formal reviews of child abuse cases in accordance with central government "
        "guidance contained in Working Together to Safeguard Children.": "Stockport SSCP prowadzi formalne "
        "przeglądy przypadków krzywdzenia dzieci zgodnie z wytycznymi rządu zawartymi w dokumencie "
        "„Working Together to Safeguard Children”.",
        "How the partnership reviews cases where a child has died or been seriously harmed.": "Jak partnerstwo "
        "analizuje przypadki, w których dziecko zmarło lub doznało poważnej krzywdy.",
        "The review process": "Proces przeglądu",
        "Baby M": "Niemowlę M",
        "Baby M, a baby with complex health needs, died in October 2017 when there were concerns of death by overlay. "
        "Learning on alcohol and safe sleep, discharge planning and supporting parents.": "Niemowlę M, dziecko "
        "o złożonych potrzebach zdrowotnych, zmarło w październiku 2017 r.; istniały obawy, że doszło do "
        "przygniecenia podczas wspólnego snu. Wnioski dotyczą alkoholu i bezpiecznego snu, planowania wypisu ze "
        "szpitala oraz wspierania rodziców.",
        "An independent reviewer": "Niezależny recenzent",
        "Alcohol and Safe Sleep": "Alkohol i bezpieczny sen",
        "Information Sharing and Discharge Planning": "Wymiana informacji i planowanie wypisu ze szpitala",
        "Supporting Parents": "Wspieranie rodziców",
        "7 minute briefing on safe sleep": "7-minutowe podsumowanie o bezpiecznym śnie",
        "Safe sleep": "Bezpieczny sen",
        "Alcohol and substance misuse": "Nadużywanie alkoholu i substancji",
        "Information sharing": "Wymiana informacji",
        "Discharge planning": "Planowanie wypisu ze szpitala",
        "Supporting parents": "Wspieranie rodziców",
        "Child abuse or neglect": "Krzywdzenie lub zaniedbywanie dziecka",
        "Do not ignore it": "Nie ignoruj tego",
        "Office hours": "W godzinach pracy biura",
        "Evenings and weekends": "Wieczory i weekendy",
        "Queries about past serious case reviews": "Pytania o wcześniejsze przeglądy poważnych przypadków",
        "Call the Safeguarding Unit": "Zadzwoń do Safeguarding Unit",
        "Safeguarding Unit": "Safeguarding Unit (Zespół ds. Ochrony Dzieci)",
    },
    "ur": {
        content.SITE_NAME: "اسٹاک پورٹ سیف گارڈنگ چلڈرن پارٹنرشپ",
        "Learning from reviews of cases where children have died or been seriously harmed, "
        "and how to refer a case for review.": "ان کیسز کے جائزوں سے اسباق جن میں بچے فوت ہوئے یا انہیں شدید نقصان "
        "پہنچا، اور کسی کیس کو جائزے کے لیے بھیجنے کا طریقہ۔",
        "Serious case reviews": "سنگین کیسز کے جائزے",
        "Serious Case Reviews": "سنگین کیسز کے جائزے",
        "Stockport SSCP conducts formal reviews of child abuse cases in accordance with central government "
        "guidance contained in Working Together to Safeguard Children.": "اسٹاک پورٹ SSCP بچوں کے ساتھ بدسلوکی کے "
        "کیسز کا باضابطہ جائزہ مرکزی حکومت کی رہنمائی “Working Together to Safeguard Children” کے مطابق لیتی ہے۔",
        "How the partnership reviews cases where a child has died or been seriously harmed.": "شراکت داری ان کیسز کا "
        "جائزہ کیسے لیتی ہے جن میں کوئی بچہ فوت ہوا یا اسے شدید نقصان پہنچا۔",
        "The review process": "جائزے کا طریقۂ کار",
        "Baby M": "بے بی ایم",
        "Baby M, a baby with complex health needs, died in October 2017 when there were concerns of death by overlay. "
        "Learning on alcohol and safe sleep, discharge planning and supporting parents.": "بے بی ایم، جس کی صحت کی "
        "ضروریات پیچیدہ تھیں، اکتوبر 2017 میں فوت ہوا؛ خدشہ تھا کہ ساتھ سوتے ہوئے دب جانے سے موت ہوئی۔ الکحل اور "
        "محفوظ نیند، ہسپتال سے فراغت کی منصوبہ بندی اور والدین کی مدد پر اسباق۔",
        "An independent reviewer": "ایک آزاد جائزہ کار",
        "Alcohol and Safe Sleep": "الکحل اور محفوظ نیند",
        "Information Sharing and Discharge Planning": "معلومات کا تبادلہ اور ہسپتال سے فراغت کی منصوبہ بندی",
        "Supporting Parents": "والدین کی مدد",
        "7 minute briefing on safe sleep": "محفوظ نیند پر 7 منٹ کی بریفنگ",
        "Safe sleep": "محفوظ نیند",
        "Alcohol and substance misuse": "الکحل اور منشیات کا غلط استعمال",
        "Information sharing": "معلومات کا تبادلہ",
        "Discharge planning": "ہسپتال سے فراغت کی منصوبہ بندی",
        "Supporting parents": "والدین کی مدد",
        "Child abuse or neglect": "بچوں سے بدسلوکی یا غفلت",
        "Do not ignore it": "اسے نظر انداز نہ کریں",
        "Office hours": "دفتری اوقات",
        "Evenings and weekends": "شام اور ہفتہ وار تعطیلات",
        "Queries about past serious case reviews": "پرانے سنگین کیس جائزوں کے بارے میں سوالات",
        "Call the Safeguarding Unit": "سیف گارڈنگ یونٹ کو کال کریں",
        "Safeguarding Unit": "سیف گارڈنگ یونٹ",
    },
}


def translator_for(language_code: str):
    words = {**TEXT[language_code], **REFERRAL_FORM_TEXT[language_code]}

    def translator(text: str) -> str | None:
        # wagtail-localize shows a line break in plain text (a form field's
        # choices) as <br/>.
        translated = words.get(text.replace("<br/>", "\n"))
        if translated:
            translated = translated.replace("\n", "<br/>")
        if text in NOTICE_BEFORE:
            return NOTICE[language_code] + (translated or text)
        return translated

    return translator


def _publish(obj, editor, moderator) -> None:
    submit_for_sign_off(obj, editor)
    approve(obj, moderator)


@transaction.atomic
def ensure_demo_translations(editor, moderator) -> list[str]:
    """Translate and sign off the demo pages in each configured language that
    has demo text; returns what was created, e.g. ``["pl:/", "pl:/serious-case-reviews/"]``."""
    created: list[str] = []
    home = Page.objects.get(url_path="/home/", locale=Locale.get_default()).specific
    configured = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    for language_code in [code for code in TEXT if code in configured]:
        locale = Locale.objects.get(language_code=language_code)
        translator = translator_for(language_code)
        drafts_before = _snippet_drafts(locale)
        for path in PAGES:
            page = home if not path else Page.objects.get(url_path=f"/home/{path}/", locale=home.locale).specific
            if page.get_translation_or_none(locale) is not None:
                continue
            translate(page, language_code, editor, translator)
            _publish(page.get_translation(locale).specific, editor, moderator)
            created.append(f"{language_code}:/{path + '/' if path else ''}")
        # The panels and themes those pages use were translated with them, as
        # drafts; only those (never an editor's own draft) are filled and signed off.
        for draft in _snippet_drafts(locale) - drafts_before:
            model, pk = draft
            translate(model.objects.get(pk=pk).get_translation(home.locale), language_code, editor, translator)
            _publish(model.objects.get(pk=pk), editor, moderator)
    return created


def _snippet_drafts(locale) -> set[tuple[type, int]]:
    return {
        (model, pk)
        for model in (ContactPanel, LearningTheme)
        for pk in model.objects.filter(locale=locale, live=False).values_list("pk", flat=True)
    }
