package demo

import "seminars/internal/model"

// governanceCourses are the seminars for the functions that speak for the company as a whole or
// keep it safe: HR, PR and crisis communication, data protection, law and IT security.
func governanceCourses() []course {
	return []course{
		{
			seminar: model.Seminar{
				Slug:     "employer-branding-und-recruiting",
				TitleDE:  "Employer Branding und Recruiting in Social Media",
				TitleEN:  "Employer Branding and Recruiting on Social Media",
				TeaserDE: "Fachkräfte suchen nicht nur Stellenanzeigen, sondern Einblicke. Sie lernen, wie Personalabteilungen Social Media für Arbeitgebermarke und Recruiting nutzen.",
				TeaserEN: "Skilled professionals look for insights, not just job ads. You learn how HR uses social media for the employer brand and for recruiting.",
				DescriptionDE: "Für die Personalabteilung ist Social Media so selbstverständlich geworden wie E-Mail: Bewerberinnen und Bewerber informieren sich dort über Arbeitgeber, Teams und Unternehmenskultur. " +
					"Wer hier sichtbar und ansprechbar ist, gewinnt.\n\n" +
					"Sie schärfen Ihre Arbeitgeberbotschaft, entwickeln authentische Formate gemeinsam mit Mitarbeitenden und lernen Active Sourcing auf LinkedIn und Xing. " +
					"Außerdem besprechen wir, wie Sie Stellenanzeigen gezielt ausspielen und Fragen von Bewerbenden schnell beantworten.",
				DescriptionEN: "For HR, social media has become as natural as e-mail: applicants use it to learn about employers, teams and company culture. " +
					"Those who are visible and approachable there win.\n\n" +
					"You sharpen your employer message, develop authentic formats together with employees and learn active sourcing on LinkedIn and Xing. " +
					"We also discuss how to promote job ads in a targeted way and answer applicants' questions quickly.",
				PrepareDE:         "Bringen Sie ein Notebook und eine aktuelle Stellenanzeige Ihres Unternehmens mit. Hilfreich ist ein Überblick, auf welchen Kanälen Sie heute rekrutieren.",
				PrepareEN:         "Bring a laptop and a current job ad from your company. An overview of the channels you recruit on today will help.",
				FunctionList:      "hr",
				DurationMinutes:   480,
				DefaultPriceCents: 75000,
			},
			runs: []run{
				{after: 55, city: "Berlin", capacity: 14, earlyBirdWeeks: 4},
				{after: 125, city: "Frankfurt am Main", capacity: 14},
				{after: 185, capacity: 12},
			},
		},
		{
			seminar: model.Seminar{
				Slug:     "krisenkommunikation-in-social-media",
				TitleDE:  "Krisenkommunikation in Social Media",
				TitleEN:  "Crisis Communication on Social Media",
				TeaserDE: "Wenn es brennt, zählen Minuten. In zwei Tagen bereiten Sie sich mit Plan, Team und Übung auf den Ernstfall vor.",
				TeaserEN: "When things go wrong, minutes count. Over two days you prepare for an emergency with a plan, a team and hands-on practice.",
				DescriptionDE: "Eine Krise kündigt sich selten an. In sozialen Netzwerken verbreiten sich Kritik und Gerüchte schneller, als eine Pressemitteilung abgestimmt ist – und plötzlich sind alle Bereiche des Unternehmens betroffen.\n\n" +
					"Am ersten Tag erarbeiten Sie Frühwarnsignale, Eskalationsstufen, Rollen und Freigabewege. " +
					"Am zweiten Tag üben Sie in einer realistischen Krisensimulation, formulieren Stellungnahmen unter Zeitdruck und werten gemeinsam aus. " +
					"Sie gehen mit einem Krisenhandbuch nach Hause, das nicht in der Schublade verstaubt.",
				DescriptionEN: "A crisis rarely announces itself. On social networks, criticism and rumours spread faster than a press release can be approved – and suddenly every part of the company is affected.\n\n" +
					"On day one you work out early-warning signals, escalation levels, roles and approval paths. " +
					"On day two you practise in a realistic crisis simulation, write statements under time pressure and debrief together. " +
					"You go home with a crisis manual that will not gather dust in a drawer.",
				PrepareDE:         "Bringen Sie ein Notebook und, falls vorhanden, Ihr bestehendes Krisenhandbuch mit. Denken Sie an ein oder zwei kritische Situationen, die Ihr Unternehmen erlebt hat oder befürchtet.",
				PrepareEN:         "Bring a laptop and, if available, your existing crisis manual. Think of one or two critical situations your company has experienced or fears.",
				FunctionList:      "pr,management",
				DurationMinutes:   960,
				DefaultPriceCents: 149000,
			},
			runs: []run{
				{after: 65, city: "Hamburg", capacity: 12},
				{after: 155, city: "Köln", capacity: 12, earlyBirdWeeks: 6},
				{after: 230, city: "Frankfurt am Main", capacity: 12},
			},
		},
		{
			seminar: model.Seminar{
				Slug:     "datenschutz-und-recht-in-social-media",
				TitleDE:  "Datenschutz und Recht in Social Media: DSGVO, Impressum, Urheberrecht",
				TitleEN:  "Data Protection and Law on Social Media: GDPR, Imprint, Copyright",
				TeaserDE: "Rechtssicher kommunizieren, ohne die Freude daran zu verlieren. Sie erfahren, was DSGVO, Impressumspflicht und Urheberrecht für Ihre Unternehmensprofile bedeuten.",
				TeaserEN: "Communicate in a legally sound way without losing the joy of it. You learn what the GDPR, the German imprint obligation and copyright mean for your company profiles.",
				DescriptionDE: "Wer Social Media als Kommunikationsinfrastruktur nutzt, braucht dafür ebenso klare Spielregeln wie für E-Mail und Website. " +
					"Sonst führt Unsicherheit entweder zu Stillstand oder zu teuren Abmahnungen.\n\n" +
					"Sie klären die gemeinsame Verantwortlichkeit mit den Plattformbetreibern nach DSGVO, gestalten Impressum und Datenschutzhinweise für Ihre Profile und lernen, welche Bilder, Musik und Zitate Sie verwenden dürfen. " +
					"Außerdem geht es um Gewinnspiele, die Kennzeichnung von Werbung und personenbezogene Daten in Direktnachrichten. " +
					"Das Seminar ersetzt keine Rechtsberatung, gibt Ihnen aber eine solide Grundlage für das Gespräch mit Datenschutz und Rechtsabteilung.",
				DescriptionEN: "Anyone who uses social media as communication infrastructure needs rules as clear as those for e-mail and the website. " +
					"Otherwise uncertainty leads either to standstill or to costly cease-and-desist letters.\n\n" +
					"You clarify joint controllership with the platform operators under the GDPR, set up imprint and privacy notices for your profiles and learn which images, music and quotations you may use. " +
					"We also cover competitions, labelling of advertising and personal data in direct messages. " +
					"The seminar is no substitute for legal advice, but it gives you a solid basis for talking to your data protection officer and legal department.",
				PrepareDE:         "Bringen Sie ein Notebook mit und notieren Sie, welche Profile Ihr Unternehmen betreibt. Konkrete Fragen aus Ihrem Alltag können Sie gern vorab per E-Mail schicken.",
				PrepareEN:         "Bring a laptop and note which profiles your company runs. You are welcome to send specific questions from your daily work by e-mail in advance.",
				FunctionList:      "it_privacy,marketing",
				DurationMinutes:   480,
				DefaultPriceCents: 69000,
			},
			runs: []run{
				{after: 38, city: "Leipzig", capacity: 14},
				{after: 80, capacity: 16},
				{after: 135, city: "Düsseldorf", capacity: 14},
				{after: 205, city: "Stuttgart", capacity: 14},
			},
		},
		{
			seminar: model.Seminar{
				Slug:     "sicher-in-social-media",
				TitleDE:  "Sicher in Social Media: Konten, Phishing und Social Engineering",
				TitleEN:  "Staying Safe on Social Media: Accounts, Phishing and Social Engineering",
				TeaserDE: "Ein gekapertes Unternehmensprofil ist schnell passiert. In diesem Online-Halbtag lernen Sie, Konten zu schützen und Angriffe zu erkennen.",
				TeaserEN: "A hijacked company profile happens quickly. In this online half-day you learn to protect accounts and recognise attacks.",
				DescriptionDE: "Wer Telefon und E-Mail nutzt, kennt Betrugsanrufe und Phishing-Mails. " +
					"In sozialen Netzwerken geben sich Angreifer als Kollegen, Bewerberinnen oder Plattform-Support aus – und zielen auf die Zugänge zu Ihren Unternehmensprofilen.\n\n" +
					"Sie richten Zwei-Faktor-Authentifizierung und Rollenrechte richtig ein, regeln den Umgang mit gemeinsam genutzten Zugängen und üben, typische Maschen zu erkennen. " +
					"Zum Schluss erstellen Sie eine Checkliste für den Notfall, falls doch einmal ein Konto übernommen wird.",
				DescriptionEN: "Anyone who uses the telephone and e-mail knows fraudulent calls and phishing mails. " +
					"On social networks, attackers pose as colleagues, applicants or platform support – and target the logins to your company profiles.\n\n" +
					"You set up two-factor authentication and role permissions properly, regulate shared logins and practise recognising typical scams. " +
					"Finally you draw up an emergency checklist in case an account is taken over after all.",
				PrepareDE:         "Klären Sie vorab, wer in Ihrem Unternehmen Administratorrechte für die Social-Media-Profile hat. Sie benötigen einen Computer mit Kamera, Mikrofon und aktuellem Browser.",
				PrepareEN:         "Find out in advance who holds administrator rights for your company's social media profiles. You need a computer with camera, microphone and an up-to-date browser.",
				FunctionList:      "it_privacy",
				DurationMinutes:   240,
				DefaultPriceCents: 39000,
			},
			runs: []run{
				{after: 42, capacity: 16},
				{after: 160, capacity: 16},
			},
		},
	}
}
