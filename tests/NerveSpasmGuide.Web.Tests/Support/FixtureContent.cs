namespace NerveSpasmGuide.Web.Tests.Support;

/// <summary>A small, known article set: enough to check every page rule without depending on the shipped text.</summary>
public static class FixtureContent
{
    public static void WriteTo(string root)
    {
        Write(root, "sources.yaml", """
            - key: nerve2020
              type: review
              authors: Nerve A, Root B
              title: A review of nerve roots
              container: Journal of Nerves
              year: 2020
              volume: 3(2)
              pages: 10-20
              doi: 10.1000/nerve.2020
              url: https://doi.org/10.1000/nerve.2020
            - key: spasm2021
              type: guideline
              authors: Spasm Society
              title: Guideline on muscle spasm
              container: Spasm Society
              year: 2021
              volume: ''
              pages: ''
              doi: ''
              url: https://example.org/spasm-guideline
            - key: unused2019
              type: review
              authors: Nobody C
              title: A source nobody cites
              container: Journal
              year: 2019
              volume: ''
              pages: ''
              doi: ''
              url: ''
            """);
        Write(root, "warning-signs.yaml", """
            signs:
              - id: bladder-control
                level: emergency
                group: Back pain with bladder problems
                text: Losing control of your bladder
                cite: [nerve2020]
                home: true
              - id: leg-weaker
                level: urgent
                group: Leg problems
                text: A leg that gets weaker over days
                cite: [spasm2021]
            required:
              causes/sciatica: [bladder-control]
            """);
        Write(root, "media/disc.svg", """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img" aria-labelledby="t">
              <title id="t">A disc between two bones</title>
              <circle cx="50" cy="50" r="40" fill="#3b82f6"/>
            </svg>
            """);
        Write(root, "synonyms.yaml", """
            pinched nerve: [radiculopathy]
            back spasm: [muscle-spasms]
            """);
        Write(root, "retired.yaml", """
            - slug: lumbago
              reason: We merged this page into the sciatica page.
              suggested: sciatica
            """);
        Write(root, "causes/sciatica.md", """
            ---
            title: Sciatica
            summary: Pain that runs from the lower back down one leg.
            also_called: [sciatic nerve pain]
            icd10: [M54.30, M54.31, M54.32]
            snomed: [23056005, 72274001]
            rxnorm: [25480]
            related:
              treatments: [physical-therapy]
              causes: [radiculopathy]
            aliases: [sciatic-nerve-pain]
            last_reviewed: 2026-11-01
            next_review: 2029-11-01
            changes:
              - date: 2026-11-01
                note: The treatment section now points to physical therapy & says why.
              - date: 2026-05-04
                note: First published.
            ---

            ## Overview

            Sciatica is leg pain from an irritated nerve root [@spasm2021]. It often follows [[radiculopathy]] [@nerve2020].

            ## Symptoms

            Shooting pain down the leg, sometimes with muscle spasms [@spasm2021; @nerve2020].

            ## Treatment

            Try [[physical-therapy|exercise with a therapist]] [@nerve2020].

            ## When to get help

            ![A disc between two bones](media/disc.svg)

            ::: emergency bladder-control
            :::
            """);
        Write(root, "causes/radiculopathy.md", """
            ---
            title: Radiculopathy
            summary: A pinched or irritated nerve root near the spine.
            also_called: [pinched nerve root]
            icd10: [M54.16, M54.17]
            snomed: [128196005, 72274001]
            rxnorm: [25480, 187832]
            last_reviewed: 2026-11-01
            next_review: 2029-11-01
            ---

            ## Overview

            A nerve root is squeezed where it leaves the spine, causing [[muscle-spasms]] [@nerve2020].

            ::: urgent leg-weaker
            See [[sciatica]].
            :::
            """);
        Write(root, "symptoms/muscle-spasms.md", """
            ---
            title: Muscle spasms
            summary: Sudden tightening of a muscle that you cannot relax.
            icd10: [M62.830]
            audience: adults
            last_reviewed: 2026-11-01
            next_review: 2029-11-01
            ---

            A spasm is a muscle that tightens by itself [@spasm2021]. It can come from [[sciatica]].
            """);
        Write(root, "treatments/physical-therapy.md", """
            ---
            title: Physical therapy
            summary: Exercise and movement guided by a physical therapist.
            last_reviewed: 2026-11-01
            next_review: 2029-11-01
            ---

            Exercise helps many people with back pain [@nerve2020]. It is used for [[sciatica]].
            Hostile text stays text: <script>alert('x')</script> and <img src=x onerror=alert(1)>.
            """);
        Write(root, "guides/secret-draft.md", """
            ---
            title: Secret draft about zebrafish
            summary: Not ready.
            draft: true
            last_reviewed: 2026-11-01
            next_review: 2029-11-01
            ---

            Zebrafish unpublished text [@nerve2020]. Links [[sciatica]].
            """);
    }

    private static void Write(string root, string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
