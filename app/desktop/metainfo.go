package desktop

import (
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// Metainfo is the AppStream component (what GNOME Software, KDE Discover
// and appstreamcli read) describing the app.
func Metainfo(a App) ([]byte, error) {
	type url struct {
		Type string `xml:"type,attr"`
		URL  string `xml:",chardata"`
	}
	type image struct {
		Type string `xml:"type,attr"`
		URL  string `xml:",chardata"`
	}
	type screenshot struct {
		Type    string `xml:"type,attr,omitempty"`
		Caption string `xml:"caption"`
		Image   image  `xml:"image"`
	}
	type release struct {
		Version string `xml:"version,attr"`
		Date    string `xml:"date,attr"`
	}
	type component struct {
		XMLName         xml.Name `xml:"component"`
		Type            string   `xml:"type,attr"`
		ID              string   `xml:"id"`
		MetadataLicense string   `xml:"metadata_license"`
		Name            string   `xml:"name"`
		Summary         string   `xml:"summary"`
		Developer       struct {
			ID   string `xml:"id,attr"`
			Name string `xml:"name"`
		} `xml:"developer"`
		Description struct {
			Inner string `xml:",innerxml"`
		} `xml:"description"`
		Launchable url      `xml:"launchable"`
		URLs       []url    `xml:"url"`
		Categories []string `xml:"categories>category"`
		Keywords   []string `xml:"keywords>keyword"`
		Provides   struct {
			Binary    string `xml:"binary"`
			MediaType string `xml:"mediatype"`
		} `xml:"provides"`
		Screenshots   []screenshot `xml:"screenshots>screenshot"`
		ContentRating struct {
			Type string `xml:"type,attr"`
		} `xml:"content_rating"`
		Releases []release `xml:"releases>release"`
	}
	c := component{Type: "desktop-application", ID: a.ID, MetadataLicense: "CC0-1.0", Name: a.Name, Summary: a.Summary}
	c.Developer.ID = reverseDomain(a.ID)
	c.Developer.Name = a.Name + " developers"
	c.Description.Inner = description
	c.Launchable = url{Type: "desktop-id", URL: a.ID + ".desktop"}
	if a.Website != "" {
		c.URLs = append(c.URLs, url{Type: "homepage", URL: a.Website})
		if raw, ok := rawGitHub(a.Website); ok {
			c.URLs = append(c.URLs, url{Type: "bugtracker", URL: strings.TrimSuffix(a.Website, "/") + "/issues"})
			c.Screenshots = []screenshot{
				{Type: "default", Caption: "A draft with its sections, questions and readiness checks", Image: image{Type: "source", URL: raw + "docs/screenshot-draft.png"}},
				{Caption: "The data flow map drawn from the same answers", Image: image{Type: "source", URL: raw + "docs/screenshot-dataflow.png"}},
			}
		}
	}
	c.Categories = a.Categories
	c.Keywords = a.Keywords
	c.Provides.Binary = a.Binary
	c.Provides.MediaType = PackMIMEType
	c.ContentRating.Type = "oars-1.1"
	if _, err := time.Parse(time.DateOnly, a.Released); err == nil {
		c.Releases = []release{{Version: a.Version, Date: a.Released}}
	}
	b, err := xml.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("metainfo: %w", err)
	}
	return append([]byte(xml.Header), append(b, '\n')...), nil
}

// description is the long text software centres show (AppStream's subset of
// HTML: paragraphs and lists).
const description = `
    <p>DARS Workbench helps UK health researchers and their information-governance leads prepare an application to NHS England's Data Access Request Service offline, long before anyone logs in to DARS Online.</p>
    <p>It keeps every section of the application in one record and checks it against what DARS asks for as you type:</p>
    <ul>
      <li>the evidence checklist, the data flow map and the DPIA, built from the same answers</li>
      <li>an organisation library of assurance evidence (DSPT, DSFC, security documents) reused across applications</li>
      <li>verifiable packs of PDFs and a structured submission file, for reviewers to check and comment on</li>
      <li>deadlines for renewals and data destruction, exported to any calendar</li>
    </ul>
    <p>It is not affiliated with NHS England, never sends anything anywhere and never holds patient data.</p>
  `

// reverseDomain is the organisation part of a reverse-DNS app ID.
func reverseDomain(id string) string {
	if i := strings.LastIndex(id, "."); i > 0 {
		return id[:i]
	}
	return id
}

// rawGitHub gives the address of files on the main branch of a GitHub
// repository, for screenshots.
func rawGitHub(website string) (string, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSuffix(website, "/"), "https://github.com/")
	if !ok || strings.Count(rest, "/") != 1 {
		return "", false
	}
	return "https://raw.githubusercontent.com/" + rest + "/main/", true
}
