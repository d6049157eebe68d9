package watchers

import "strings"

// gdeltLanguages maps the English language names GDELT reports to ISO
// 639-1 codes. Languages GDELT covers that have no two-letter code are left
// out, so they come through as unknown.
var gdeltLanguages = map[string]string{
	"afrikaans": "af", "albanian": "sq", "arabic": "ar", "armenian": "hy", "azerbaijani": "az",
	"basque": "eu", "belarusian": "be", "bengali": "bn", "bosnian": "bs", "bulgarian": "bg",
	"catalan": "ca", "chinese": "zh", "croatian": "hr", "czech": "cs", "danish": "da",
	"dutch": "nl", "english": "en", "estonian": "et", "finnish": "fi", "french": "fr",
	"galician": "gl", "georgian": "ka", "german": "de", "greek": "el", "gujarati": "gu",
	"hebrew": "he", "hindi": "hi", "hungarian": "hu", "icelandic": "is", "indonesian": "id",
	"italian": "it", "japanese": "ja", "kannada": "kn", "kazakh": "kk", "korean": "ko",
	"latvian": "lv", "lithuanian": "lt", "macedonian": "mk", "malay": "ms", "malayalam": "ml",
	"marathi": "mr", "mongolian": "mn", "nepali": "ne", "norwegian": "no", "persian": "fa",
	"polish": "pl", "portuguese": "pt", "punjabi": "pa", "romanian": "ro", "russian": "ru",
	"serbian": "sr", "sinhala": "si", "sinhalese": "si", "slovak": "sk", "slovenian": "sl",
	"somali": "so", "spanish": "es", "swahili": "sw", "swedish": "sv", "tagalog": "tl",
	"tamil": "ta", "telugu": "te", "thai": "th", "turkish": "tr", "ukrainian": "uk",
	"urdu": "ur", "uzbek": "uz", "vietnamese": "vi", "welsh": "cy", "filipino": "tl",
	"haitian creole": "ht", "irish": "ga", "khmer": "km", "lao": "lo", "burmese": "my",
	"pashto": "ps", "amharic": "am", "hausa": "ha", "yoruba": "yo", "zulu": "zu",
	"kurdish": "ku", "tajik": "tg", "turkmen": "tk", "kyrgyz": "ky", "maltese": "mt",
	"luxembourgish": "lb", "esperanto": "eo", "latin": "la",
}

// normalizeLanguage turns a language tag ("es-MX", "pt_BR", "ES") or an
// English language name ("Spanish") into a lower-case ISO 639-1 code, or ""
// when it cannot.
func normalizeLanguage(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	if code, ok := gdeltLanguages[s]; ok {
		return code
	}
	primary, _, _ := strings.Cut(strings.ReplaceAll(s, "_", "-"), "-")
	if len(primary) == 2 && primary[0] >= 'a' && primary[0] <= 'z' && primary[1] >= 'a' && primary[1] <= 'z' {
		return primary
	}
	return ""
}
