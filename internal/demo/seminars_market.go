package demo

import "seminars/internal/model"

// marketCourses are the seminars for the functions that talk to customers and the market:
// marketing, sales and customer service.
func marketCourses() []course {
	return []course{
		{
			seminar: model.Seminar{
				Slug:     "content-und-community-management",
				TitleDE:  "Content und Community Management",
				TitleEN:  "Content and Community Management",
				TeaserDE: "Zwei Tage Praxis für Marketing und Kommunikation: Sie planen Inhalte, die Ihre Zielgruppen erreichen, und pflegen Communities, die gern mit Ihnen sprechen.",
				TeaserEN: "Two practical days for marketing and communications: you plan content that reaches your audiences and nurture communities that enjoy talking to you.",
				DescriptionDE: "Social Media ist keine Einbahnstraße. Wer nur sendet, benutzt das Telefon als Lautsprecher – wirksam wird es erst im Gespräch.\n\n" +
					"Am ersten Tag entwickeln Sie Themen, Formate und einen Redaktionsplan, der zu Ihren Ressourcen passt. " +
					"Am zweiten Tag geht es um die Community: Dialog anstoßen, auf Kommentare antworten, mit Kritik umgehen und Moderationsregeln festlegen. " +
					"Sie arbeiten durchgehend an Ihren eigenen Kanälen und nehmen einen umsetzbaren Plan für die nächsten drei Monate mit.",
				DescriptionEN: "Social media is not a one-way street. Only broadcasting is like using the telephone as a loudspeaker – it becomes effective in conversation.\n\n" +
					"On day one you develop topics, formats and an editorial calendar that fits your resources. " +
					"Day two is about community: starting dialogue, replying to comments, handling criticism and setting moderation rules. " +
					"You work on your own channels throughout and leave with a workable plan for the next three months.",
				PrepareDE:         "Bringen Sie ein Notebook oder Smartphone mit Zugang zu Ihren Unternehmenskanälen mit. Hilfreich sind einige Beiträge, die gut – oder gar nicht – funktioniert haben.",
				PrepareEN:         "Bring a laptop or smartphone with access to your company channels. A few posts that worked well – or not at all – will help.",
				FunctionList:      "marketing,pr",
				DurationMinutes:   960,
				DefaultPriceCents: 129000,
			},
			runs: []run{
				{after: 40, city: "Hamburg", capacity: 14},
				{after: 130, city: "Leipzig", capacity: 14, earlyBirdWeeks: 4},
				{after: 210, city: "München", capacity: 14},
			},
		},
		{
			seminar: model.Seminar{
				Slug:     "social-selling-mit-linkedin",
				TitleDE:  "Social Selling mit LinkedIn",
				TitleEN:  "Social Selling with LinkedIn",
				TeaserDE: "Kunden informieren sich, lange bevor sie anrufen. Sie lernen, wie Sie auf LinkedIn Beziehungen aufbauen und Gespräche beginnen – ganz ohne Kaltakquise-Gefühl.",
				TeaserEN: "Customers do their research long before they call. You learn how to build relationships and start conversations on LinkedIn – without the cold-call feeling.",
				DescriptionDE: "Für den Vertrieb war das Telefon immer das wichtigste Werkzeug. " +
					"Heute beginnt das Gespräch oft früher: mit einem Profil, das Vertrauen weckt, einem klugen Kommentar oder einer persönlichen Kontaktanfrage.\n\n" +
					"Sie optimieren Ihr LinkedIn-Profil, finden Entscheiderinnen und Entscheider bei Ihren Zielkunden, pflegen Ihr Netzwerk mit überschaubarem Zeitaufwand und führen Kontakte vom Online-Dialog zum Termin. " +
					"Wir üben an echten Beispielen und achten darauf, dass Ihr Auftritt zu Ihnen und Ihrem Unternehmen passt.",
				DescriptionEN: "For sales, the telephone has always been the most important tool. " +
					"Today the conversation often starts earlier: with a profile that builds trust, a thoughtful comment or a personal connection request.\n\n" +
					"You optimise your LinkedIn profile, find decision-makers at your target accounts, maintain your network with a manageable amount of time and turn online dialogue into meetings. " +
					"We practise with real examples and make sure your presence suits you and your company.",
				PrepareDE:         "Bringen Sie ein Notebook mit und halten Sie Ihre LinkedIn-Zugangsdaten bereit. Notieren Sie drei bis fünf Wunschkunden, die Sie gern erreichen würden.",
				PrepareEN:         "Bring a laptop and have your LinkedIn login ready. Note three to five target customers you would like to reach.",
				FunctionList:      "sales",
				DurationMinutes:   480,
				DefaultPriceCents: 79000,
			},
			runs: []run{
				{after: 30, city: "München", capacity: 14, taken: 12},
				{after: 90, city: "Stuttgart", capacity: 14, earlyBirdWeeks: 4},
				{after: 140, capacity: 12},
				{after: 190, city: "Hamburg", capacity: 14},
			},
		},
		{
			seminar: model.Seminar{
				Slug:     "social-customer-service",
				TitleDE:  "Social Customer Service: Kundenanliegen in sozialen Netzwerken",
				TitleEN:  "Social Customer Service: Customer Requests on Social Networks",
				TeaserDE: "Ihre Kunden schreiben längst öffentlich über Sie. Sie lernen, schnell, freundlich und lösungsorientiert zu antworten – auch wenn es einmal hitzig wird.",
				TeaserEN: "Your customers already write about you in public. You learn to respond quickly, kindly and with solutions – even when things get heated.",
				DescriptionDE: "Früher griffen Kunden zum Telefon, heute schreiben sie einen Kommentar, eine Direktnachricht oder eine Bewertung. " +
					"Für den Kundenservice ist Social Media damit ein selbstverständlicher Kanal, der dieselbe Sorgfalt verdient wie die Hotline.\n\n" +
					"Sie legen Reaktionszeiten und Zuständigkeiten fest, trainieren Antworten auf typische Anfragen und Beschwerden und lernen, wann ein Gespräch besser in einen privaten Kanal wechselt. " +
					"Gemeinsam entwickeln wir Textbausteine, die hilfsbereit klingen und nicht nach Formular.",
				DescriptionEN: "Customers used to pick up the telephone; today they write a comment, a direct message or a review. " +
					"For customer service, social media is therefore a natural channel that deserves the same care as the hotline.\n\n" +
					"You define response times and responsibilities, practise answers to typical questions and complaints, and learn when a conversation should move to a private channel. " +
					"Together we develop reply templates that sound helpful rather than bureaucratic.",
				PrepareDE:         "Sammeln Sie vorab einige echte, gern anonymisierte Kundenanfragen aus Ihren Kanälen. Ein Notebook oder Tablet ist hilfreich.",
				PrepareEN:         "Collect a few real, preferably anonymised customer requests from your channels in advance. A laptop or tablet is helpful.",
				FunctionList:      "customer_service,marketing",
				DurationMinutes:   480,
				DefaultPriceCents: 69000,
			},
			runs: []run{
				{after: 50, city: "Köln", capacity: 12},
				{after: 115, city: "Leipzig", capacity: 12},
				{after: 170, capacity: 12},
			},
		},
		{
			seminar: model.Seminar{
				Slug:     "social-listening-und-monitoring",
				TitleDE:  "Social Listening und Monitoring",
				TitleEN:  "Social Listening and Monitoring",
				TeaserDE: "Wer zuhört, erfährt früh, was Kunden bewegt. In diesem Online-Halbtag richten Sie ein einfaches Monitoring für Ihr Unternehmen ein.",
				TeaserEN: "Those who listen learn early what moves their customers. In this online half-day you set up simple monitoring for your company.",
				DescriptionDE: "Kommunikation beginnt mit Zuhören. Im Netz wird täglich über Ihre Produkte, Ihre Branche und Ihre Wettbewerber gesprochen – oft, ohne dass Sie es merken.\n\n" +
					"Sie lernen kostenlose und kostenpflichtige Werkzeuge kennen, definieren sinnvolle Suchbegriffe und legen fest, wer auf welche Fundstücke reagiert. " +
					"So erkennen Kundenservice, Marketing und Pressestelle Chancen und Risiken, bevor sie groß werden.",
				DescriptionEN: "Communication starts with listening. Every day people talk online about your products, your industry and your competitors – often without you noticing.\n\n" +
					"You get to know free and paid tools, define meaningful search terms and decide who responds to which findings. " +
					"This way customer service, marketing and PR spot opportunities and risks before they grow.",
				PrepareDE:         "Notieren Sie Ihre wichtigsten Marken-, Produkt- und Wettbewerbernamen. Sie benötigen einen Computer mit Kamera, Mikrofon und aktuellem Browser.",
				PrepareEN:         "Note your most important brand, product and competitor names. You need a computer with camera, microphone and an up-to-date browser.",
				FunctionList:      "customer_service,pr,marketing",
				DurationMinutes:   240,
				DefaultPriceCents: 42000,
			},
			runs: []run{
				{after: 33, capacity: 14},
				{after: 100, capacity: 14, earlyBirdWeeks: 3},
				{after: 175, capacity: 14},
			},
		},
		{
			seminar: model.Seminar{
				Slug:     "corporate-influencer-programm",
				TitleDE:  "Corporate Influencer: Mitarbeitende als Markenbotschafter",
				TitleEN:  "Corporate Influencers: Employees as Brand Ambassadors",
				TeaserDE: "Menschen vertrauen Menschen. Sie lernen, wie Sie ein Corporate-Influencer-Programm aufbauen, das freiwillig, glaubwürdig und rechtssicher ist.",
				TeaserEN: "People trust people. You learn how to build a corporate influencer programme that is voluntary, credible and legally sound.",
				DescriptionDE: "Ihre Mitarbeitenden sind die glaubwürdigsten Stimmen Ihres Unternehmens – im Vertrieb, im Recruiting und in der Öffentlichkeit. " +
					"Viele würden gern mehr über ihre Arbeit erzählen, wissen aber nicht, was sie dürfen und wie sie anfangen sollen.\n\n" +
					"Sie planen ein Programm von der Auswahl der Teilnehmenden über Schulung und Themenfindung bis zur Begleitung im Alltag. " +
					"Dazu gehören klare Spielregeln, realistische Zeitbudgets und ein Blick auf Datenschutz und Arbeitsrecht.",
				DescriptionEN: "Your employees are the most credible voices of your company – in sales, in recruiting and in public. " +
					"Many would like to talk more about their work but do not know what they may say or how to start.\n\n" +
					"You plan a programme from selecting participants through training and finding topics to everyday support. " +
					"This includes clear ground rules, realistic time budgets and a look at data protection and employment law.",
				PrepareDE:         "Bringen Sie ein Notebook mit. Überlegen Sie, welche Kolleginnen und Kollegen schon heute in sozialen Netzwerken über ihre Arbeit sprechen.",
				PrepareEN:         "Bring a laptop. Think about which colleagues already talk about their work on social networks today.",
				FunctionList:      "hr,pr,sales",
				DurationMinutes:   480,
				DefaultPriceCents: 75000,
			},
			runs: []run{
				{after: 60, city: "Düsseldorf", capacity: 12},
				{after: 145, city: "Berlin", capacity: 12},
				{after: 220, capacity: 12},
			},
		},
	}
}
