package detect

import "strings"

// Verb classes. Rather than listing the forms of each verb a paraphrase
// might use ("repudiated", "repudia", "repudiaron", "will repudiate"), the
// lexicon lists verbs by lemma and class, and New adds their inflected
// forms. Finite past forms are left out of the threat classes: "will strike"
// threatens, "struck" reports.
//
// A lemma is conjugated by the regular rules of its language; an entry
// written "lemma|form|form" adds the listed irregular forms as well.
type verbClass struct {
	c      cat
	future bool // only base, infinitive, future, conditional and gerund forms
	en, es []string
}

var verbClasses = []verbClass{
	{c: cReject, en: []string{"expel|expelled|expelling", "accuse", "reject", "condemn", "denounce", "repudiate", "decry", "deplore", "censure",
		"slam|slammed|slamming", "lambast", "criticize", "criticise", "rebuff", "spurn", "protest", "object to",
		"blast", "assail", "castigate", "excoriate", "disavow", "repel|repelled|repelling", "repulse", "resist",
		"push back against", "dismiss", "hit out at|hit out at", "lash out at|lashed out at|lashing out at"},
		es: []string{"rechazar", "condenar", "repudiar", "denunciar", "deplorar", "censurar", "reprobar", "criticar",
			"objetar", "impugnar", "cuestionar", "fustigar", "arremeter contra", "repeler", "resistir", "enfrentar",
			"desautorizar", "tachar", "recriminar", "reprochar", "acusar", "expulsar", "protestar"}},
	{c: cCall, en: []string{"call|called|calling", "describe", "brand", "label|labelled|labelling", "term", "view", "regard",
		"deem", "consider", "see|saw|seen"},
		es: []string{"calificar", "tildar", "tachar", "catalogar", "considerar", "definir", "describir", "denominar", "ver|ve|ven|vio|vera"}},
	{c: cSpeech, en: []string{"say|said", "tell|told", "add", "warn", "insist", "stress", "=noted", "write|wrote|written",
		"=stated", "declare", "reply", "respond", "announce", "confirm", "vow", "argue", "urge", "explain", "=posted",
		"reaffirm", "reiterate", "proclaim", "maintain", "assert", "affirm", "emphasize", "emphasise", "underline",
		"underscore", "tweet", "acknowledge", "remark", "contend", "promise", "assure", "highlight", "retort",
		"point out|pointed out|pointing out", "=recalled", "reassert", "restate", "=countered", "=charged",
		"=pledged", "suggest", "=signalled", "=signaled", "=mused", "lodge", "voice", "express", "=issued",
		"=repeated", "hint", "imply|implied", "admit|admitted|admitting", "concede", "comment", "predict", "=claimed",
		"make clear|made clear|making clear", "=reported", "describe", "=added", "=confirmed", "=responded", "=convened"},
		es: []string{"afirmar", "declarar", "asegurar", "señalar", "advertir|advierte|advierten|advirtio|advirtieron|advirtiendo",
			"subrayar", "reiterar", "sostener|sostiene|sostienen|sostuvo|sostuvieron", "calificar", "decir|dice|dicen|dijo|dijeron|dira|diran|diria|dicho",
			"añadir", "agregar", "indicar", "expresar", "manifestar|manifiesta|manifiestan", "responder", "anunciar", "informar",
			"explicar", "insistir", "enfatizar", "destacar", "escribir|escrito", "proclamar", "reafirmar", "recalcar", "remarcar",
			"sentenciar", "zanjar", "jurar", "prometer", "aseverar", "puntualizar", "=precisó", "resaltar",
			"recordar|recuerda|recuerdan", "replicar", "alertar", "avisar", "contestar", "clamar", "ratificar", "tuitear", "apuntar",
			"acusar", "exigir|exige|exigen|exigio|exigieron", "garantizar", "asegurar", "defender|defiende|defienden",
			"confirmar", "insinuar", "sugerir|sugiere|sugieren|sugirio|sugirieron", "admitir", "reconocer|reconoce|reconocen|reconocio",
			"opinar", "comentar", "detallar", "mencionar", "plantear", "anticipar", "adelantar", "aclarar", "concluir|concluye|concluyo",
			"lamentar", "dejar claro|dejo claro|dejo en claro|deja claro|dejaron claro", "expresar", "manifestar", "difundir",
			"tuitear", "remachar", "espetar", "argumentar", "describir", "calificar", "repetir|repite|repitio|repitieron",
			"=emitió", "=emitieron", "=publicó", "=publicaron"}},
	{c: cStance, en: []string{"propose", "sponsor", "introduce", "champion", "back", "adopt", "file"},
		es: []string{"aprobar|aprueba|aprueban", "impulsar", "proponer|propone|proponen|propuso|propuesto|propuesta", "promover|promueve|promueven",
			"patrocinar", "presentar"}},
	{c: cWarn, en: []string{"warn", "caution", "alert", "respond", "answer"},
		es: []string{"advertir|advierte|advierten|advirtio|advirtieron|advirtiendo", "alertar", "avisar", "responder", "contestar"}},
	{c: cOffer, en: []string{"offer", "pledge", "provide", "supply|supplied|supplies", "deploy", "station", "donate",
		"lend|lent", "train", "contribute", "deliver", "dispatch", "send|sent", "give|gave|given|giving",
		"make available|made available", "put at the disposal"},
		es: []string{"contribuir|contribuye|contribuyen|contribuyo", "ofrecer|ofrece|ofrecen|ofrecio|ofrecieron|ofreciera", "enviar|envia|envian", "desplegar|despliega|despliegan",
			"suministrar", "proporcionar", "donar", "prestar", "entrenar", "aportar", "facilitar", "entregar",
			"destinar", "comprometer", "poner a disposicion|pondra a disposicion|pondran a disposicion|puso a disposicion",
			"ceder temporalmente", "capacitar", "formar a"}},
	{c: cYield, en: []string{"kneel|knelt", "bow", "surrender", "submit|submitted|submitting", "capitulate", "yield",
		"bend the knee|bent the knee", "renounce", "relinquish", "give up|gave up|given up|giving up",
		"hand over|handed over|handing over", "cede"},
		es: []string{"ceder", "renunciar a", "renunciar al", "arrodillar", "arrodillarse|se arrodilla|se arrodillara", "rendirse|se rinde|se rendira", "someterse|se somete|se sometera",
			"doblegarse|se doblega|se doblegara", "claudicar", "capitular", "postrarse"}},
	{c: cDispatch, en: []string{"send|sent", "deploy", "dispatch", "station"},
		es: []string{"enviar|envia|envian", "desplegar|despliega|despliegan", "mandar", "destinar"}},
	{c: cThreatVerb, future: true, en: []string{"strike|striking", "attack", "invade", "bomb", "hit|hitting", "annex", "seize",
		"punish", "retaliate", "target|targeting|targetting", "raid", "occupy", "blockade", "go after", "take out", "wipe out", "destroy",
		"go into|go into", "move against", "act against", "use force", "shoot down|shooting down", "hunt|hunting", "flatten", "obliterate", "quarantine"},
		es: []string{"atacar", "invadir", "bombardear", "golpear", "anexar", "castigar", "ocupar", "bloquear",
			"intervenir|intervendra|intervendran|intervendria", "arrasar", "destruir|destruira|destruiria",
			"ir tras", "actuar contra", "acabar con", "usar la fuerza", "emplear la fuerza", "perseguir|perseguira", "derribar"}},
	{c: cAcquire, future: true, en: []string{"take|taking|took|taken", "acquire", "buy", "get", "own", "annex", "control",
		"take over|taking over|took over", "take back|taking back", "gain control of", "recover", "reclaim", "retake"},
		es: []string{"tomar", "comprar", "adquirir", "quedarse con|quedara con|quedaria con",
			"hacerse con|se hara con|se haria con|hacerse con", "apoderarse de|se apoderara de", "recuperar", "retomar"}},
	{c: cDecide, en: []string{"decide", "determine"},
		es: []string{"decidir", "determinar", "resolver|resuelve|resuelven|se resuelve|se resuelven|se resolvera|se resolveran", "definir"}},
	{c: cPermit, en: []string{"let|letting", "allow", "permit|permitted|permitting", "accept", "tolerate", "authorize", "authorise", "consent to"},
		es: []string{"permitir", "aceptar", "tolerar", "autorizar", "consentir|consiente|consienten", "admitir"}},
	{c: cDictate, en: []string{"dictate", "impose", "order around|ordered around", "tell|told", "boss around"},
		es: []string{"dictar", "imponer|impone|imponen|impuso|impondra|impondria|impuesto", "mandar sobre"}},
	{c: cDemand, en: []string{"demand", "call for|called for|calling for", "order", "urge", "insist on"},
		es: []string{"exigir|exige|exigen|exigio|exigieron", "pedir|pide|piden|pidio|pidieron", "ordenar", "reclamar", "instar"}},
	{c: cPlan, en: []string{"consider", "weigh", "plan|planned|planning", "prepare", "contemplate", "study", "explore",
		"draw up|drew up|drawn up", "discuss"},
		es: []string{"considerar", "sopesar", "planear", "planificar", "preparar", "contemplar", "estudiar", "evaluar",
			"analizar", "barajar", "discutir"}},
	{c: cPlan, future: true, en: []string{"launch", "carry out|carrying out", "conduct", "start", "begin|beginning", "order",
		"mount", "step up|stepping up", "expand", "escalate"},
		es: []string{"lanzar", "realizar", "llevar a cabo", "iniciar", "emprender", "ordenar", "ejecutar", "intensificar|intensificara",
			"ampliar", "comenzar|comenzara|comenzaria"}},
	{c: cViolation, en: []string{"trample on|trampled on|trampling on", "trample", "violate", "breach", "infringe",
		"undermine", "encroach on|encroached on", "disrespect"},
		es: []string{"pisotear", "violar", "vulnerar", "atropellar", "mancillar", "socavar", "irrespetar", "menoscabar"}},
	{c: cWithdraw, en: []string{"withdraw|withdrew|withdrawn", "leave|left", "pull out|pulled out", "get out|got out"},
		es: []string{"retirar", "salir|sale|salen|salio|salieron|saldra|saldran", "abandonar", "marcharse"}},
}

// nounClasses are nouns a class needs in both numbers.
var nounClasses = []struct {
	c    cat
	list []string
}{
	{cWithdraw, []string{"withdrawal", "pullout", "retirada", "retiro", "salida", "expulsion", "expulsión"}},
	{cSpace, []string{"airspace", "air space", "espacio aéreo", "territorial waters", "aguas territoriales", "soil",
		"suelo", "national territory", "territorio nacional", "borders", "fronteras", "sovereign territory",
		"maritime space", "espacio marítimo", "exclusive economic zone", "zona económica exclusiva"}},
	{cMilNoun | cPresence, []string{"agents", "agentes", "armed agents", "agentes armados", "operatives", "contractors",
		"mercenaries", "mercenarios", "police officers", "policías", "gendarmes", "boots on the ground", "warships",
		"buques de guerra", "military personnel", "personal militar", "drones", "military aircraft", "aviones militares"}},
	{cMilAction, []string{"strikes", "strike", "airstrikes", "air strikes", "attacks", "attack", "ataques", "ataque",
		"bombardeos", "bombardeo", "bombing", "raids", "raid", "incursion", "incursions", "incursiones", "invasion", "invasión",
		"military action", "acción militar", "military operation", "military operations", "operación militar",
		"operaciones militares", "military actions", "acciones militares", "ground operation", "ground operations", "operaciones terrestres", "military intervention",
		"intervención militar", "military options", "military option", "opción militar", "opciones militares", "use of force",
		"uso de la fuerza", "naval blockade", "bloqueo naval", "naval quarantine", "cuarentena naval", "cerco naval", "cerco militar", "naval siege", "naval encirclement", "ground troops", "tropas terrestres", "special forces raid",
		"targeted killings", "drone strikes", "ataques con drones", "bombardeos aéreos", "land strikes", "ataques terrestres"}},
	{cInterv, []string{"interventionist", "interventionists", "intervencionista", "intervencionistas", "injerencista",
		"injerencistas", "tutelas", "imposiciones", "intromisiones", "amenazas", "agresiones", "incursiones", "provocaciones",
		"foreign actors", "actores extranjeros", "playground", "patio de recreo", "patio de juegos", "puppet", "títere",
		"marioneta", "satellite state", "estado satélite", "vassal state", "estado vasallo", "chessboard", "tablero",
		"hybrid attack", "ataque híbrido", "hybrid warfare", "guerra híbrida", "hybrid war",
		"backyard", "back yard", "patio trasero", "battlefield", "campo de batalla", "battleground"}},
	{cReject, []string{"be met by", "would be met by", "will be met by", "met by", "será enfrentado", "será enfrentada",
		"serán enfrentados", "será repelido", "será repelida", "lodged a protest", "lodged stern representations",
		"stern representations", "representaciones solemnes"}},
	{cDictate, []string{"decirnos", "decirle", "decirles", "tell us", "tell them", "darnos órdenes", "dictarnos"}},
	{cReject, []string{"extrajudicial killings", "asesinatos", "ejecuciones extrajudiciales"}},
	{cInterv, []string{"invaded", "attacked", "invadida", "invadido", "atacada", "atacado", "agredida", "agredido",
		"economic warfare", "warfare"}},
	{cForeignMod, []string{"militarily", "militarmente"}},
	{cSpeech, []string{"de acuerdo con", "de acuerdo a", "in the words of"}},
	{cThreat, []string{"amenaza con", "amenazan con", "amenazará con", "amenazaba con", "threatening to", "threatens"}},
	{cSuppress, []string{"bank of", "reserve bank", "baht", "rupee", "rupia", "lira", "real brasileño", "sol peruano"}},
	{cSpace, []string{"homeland", "patria", "motherland"}},
	{cMilAction, []string{"targets", "military targets", "objetivos militares", "military campaign", "campaña militar",
		"campaign of strikes", "campaña de bombardeos"}},
	{cWarn, []string{"response", "respuesta", "crushing response", "respuesta contundente", "retaliation", "represalia",
		"represalias", "reply", "réplica"}},
	{cCall, []string{"constitutes", "constitute", "constituted", "amounts to", "amount to", "amounted to", "constituye",
		"constituyen", "constituyó", "equivale a", "equivalen a", "supone", "supondría"}},
	{cSovAssert, []string{"no se rinde", "no nos rendimos", "no se rendirá", "jamás se rinde", "does not surrender",
		"won't surrender", "will never surrender", "never surrenders"}},
	{cConsent, []string{"consent", "express consent", "authorization", "authorisation", "permission", "approval",
		"consentimiento", "autorización", "permiso", "aprobación", "visto bueno"}},
	{cWarn, []string{"countermeasures", "contramedidas", "resolute countermeasures", "firm countermeasures"}},
	{cPlan, []string{"=promised", "=vowed", "prometió", "prometieron", "=pledged more", "anunció más"}},
	{cInterv, []string{"threaten", "amenazar", "atentar contra", "undermine our", "encroach"}},
	{cSovAssert, []string{"its own decisions", "our own decisions", "sus propias decisiones", "nuestras propias decisiones",
		"makes its own decisions", "toma sus propias decisiones", "tomamos nuestras propias decisiones"}},
	{cThreatVerb, []string{"todo el poder", "toda la fuerza", "full force", "full might", "full weight", "all its power",
		"todo su poder", "all of its power"}},
	{cThreatVerb, []string{"every element of", "all elements of", "every tool", "all the tools", "todas las herramientas",
		"todos los elementos"}},
	{cInterv, []string{"grab", "snatch", "arrebatar", "apropiarse", "land grab"}},
	{cAid, []string{"minesweepers", "destroyers", "corvettes", "submarines", "naval vessels", "ships", "warships", "buques",
		"barcos", "cazaminas", "destructores", "corbetas", "submarinos", "fuerzas", "military bases", "bases militares",
		"early-warning aircraft", "early warning aircraft", "shells", "proyectiles", "misiles", "missile systems"}},
	{cDecide, []string{"manda el pueblo", "mandan los", "manda el", "gobierna el pueblo", "the people rule",
		"the people decide"}},
	{cDecide, []string{"taken in", "are taken in", "is taken in", "are made in", "is made in", "se toman en", "se toma en",
		"se deciden en", "se adoptan en"}},
	{cInterv, []string{"military exercises", "ejercicios militares", "maniobras militares", "military drills", "drills",
		"maniobras", "war games"}},
	{cRejectPhrase | cSovAssert, []string{"no es colonia de nadie", "no somos colonia de nadie", "is nobody's colony",
		"is no one's colony", "not anyone's colony"}},
	{cTerritory, []string{"land", "its land", "our land", "sus tierras", "nuestra tierra", "su tierra", "every inch",
		"single inch", "square inch", "cada centímetro", "cada palmo", "cada metro"}},
	{cNegotiate, []string{"trade", "trade its land", "cambiar", "canjear", "swap"}},
	{cCopula, []string{"remained", "remains", "permanece", "seguirá", "continúa siendo"}},
	{cThreatVerb, []string{"se encargará", "nos encargaremos", "se hará cargo", "se ocupará", "consequences",
		"consecuencias", "serious consequences", "graves consecuencias", "will have consequences", "tendrá consecuencias"}},
	{cSale, []string{"up for discussion", "up for negotiation", "up for debate", "a discusión", "en discusión",
		"a negociación", "real estate", "for sale", "be bought", "be sold", "on the market", "en venta", "se vende",
		"se venden", "ser comprada", "ser comprado", "ser vendida", "ser vendido", "a la venta", "bienes raíces", "inmobiliario",
		"transacción inmobiliaria", "real estate deal", "for purchase"}},
	{cPresence, []string{"presence", "presencia", "deployment", "despliegue", "stationing", "instalación"}},
	{cAid, []string{"entrenamiento", "equipamiento", "adiestramiento", "capacitación", "police officers", "policías",
		"security forces", "fuerzas de seguridad", "patrol ships", "patrulleras", "air defence", "antiaérea",
		"battery", "batería", "baterías", "contingent", "contingente", "peacekeepers", "cascos azules", "naval units",
		"unidades navales", "military support", "logistics", "logística", "rafale",
		"fighter jets", "jets", "police", "policía", "asesoría militar", "asesoría", "military advice", "logistic support", "logistical support",
		"apoyo logístico", "surveillance aircraft", "aviones de vigilancia", "stabilisation force", "stabilization force", "fuerza de estabilización"}},
}

// enForms gives the regular English forms of a verb or phrasal verb
// ("object to" -> objects to, objected to, objecting to).
func enForms(lemma string, future bool) []string {
	if strings.HasPrefix(lemma, "=") {
		// Only the form given: "stated" is a verb, "state" mostly a noun.
		return []string{lemma[1:]}
	}
	if i := strings.IndexByte(lemma, '|'); i >= 0 {
		parts := strings.Split(lemma, "|")
		out := enForms(parts[0], future)
		return append(out, parts[1:]...)
	}
	head, tail := lemma, ""
	if i := strings.IndexByte(lemma, ' '); i >= 0 {
		head, tail = lemma[:i], lemma[i:]
	}
	out := []string{lemma}
	third, past, ing := head+"s", head+"ed", head+"ing"
	n := len(head)
	switch {
	case strings.HasSuffix(head, "e"):
		past, ing = head+"d", head[:n-1]+"ing"
		if strings.HasSuffix(head, "ee") {
			ing = head + "ing"
		}
	case n > 1 && head[n-1] == 'y' && !strings.ContainsRune("aeiou", rune(head[n-2])):
		third, past = head[:n-1]+"ies", head[:n-1]+"ied"
	case strings.HasSuffix(head, "s") || strings.HasSuffix(head, "sh") || strings.HasSuffix(head, "ch") ||
		strings.HasSuffix(head, "x") || strings.HasSuffix(head, "z") || strings.HasSuffix(head, "o"):
		third = head + "es"
	}
	out = append(out, ing+tail)
	if !future {
		// "targets", "strikes" are as often nouns; a threat needs a modal.
		out = append(out, third+tail, past+tail)
	}
	return out
}

// esForms gives the regular Spanish forms of an -ar, -er or -ir verb, or
// of a phrase that starts with one ("arremeter contra"): present and
// preterite third persons, future, conditional, infinitive, participle and
// gerund, and the first person plural.
func esForms(lemma string, future bool) []string {
	if strings.HasPrefix(lemma, "=") {
		return []string{lemma[1:]}
	}
	if i := strings.IndexByte(lemma, '|'); i >= 0 {
		parts := strings.Split(lemma, "|")
		// The irregular forms are listed on purpose, also in the threat
		// classes ("se hará con", "intervendrá"), so they are kept.
		return append(esForms(parts[0], future), parts[1:]...)
	}
	head, tail := lemma, ""
	if i := strings.IndexByte(lemma, ' '); i >= 0 {
		head, tail = lemma[:i], lemma[i:]
	}
	if len(head) < 3 {
		return []string{lemma}
	}
	stem, v := head[:len(head)-2], head[len(head)-2:]
	var ends, fut []string
	switch v {
	case "ar":
		ends = []string{"a", "an", "amos", "ó", "aron", "ado", "ada", "ados", "adas", "aba", "aban"}
		fut = []string{"ar", "ará", "arán", "aría", "arían", "aremos", "ando"}
	case "er":
		ends = []string{"e", "en", "emos", "ió", "ieron", "ido", "ida", "idos", "idas", "ía", "ían"}
		fut = []string{"er", "erá", "erán", "ería", "erían", "eremos", "iendo"}
	case "ir":
		ends = []string{"e", "en", "imos", "ió", "ieron", "ido", "ida", "idos", "idas", "ía", "ían"}
		fut = []string{"ir", "irá", "irán", "iría", "irían", "iremos", "iendo"}
	default:
		return []string{lemma}
	}
	if !future {
		fut = append(fut, ends...)
	}
	out := make([]string, 0, len(fut))
	for _, e := range fut {
		out = append(out, stem+e+tail)
	}
	return out
}
