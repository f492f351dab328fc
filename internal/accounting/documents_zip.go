package accounting

import (
	"archive/zip"
	"context"
	"fmt"
	"io"

	"seminars/internal/model"
)

// WriteDocumentsZIP writes a ZIP of the stored PDF and e-invoice XML of every invoice and credit
// note issued in p, named by document number (RE-2026-00001.pdf, RE-2026-00001.xml). The
// entries hold the bytes stored when the documents were issued, never a new rendering.
func (x *Exports) WriteDocumentsZIP(ctx context.Context, w io.Writer, p Period) error {
	invs, err := x.Issued(ctx, p)
	if err != nil {
		return err
	}
	ids := make([]uint, len(invs))
	for i, inv := range invs {
		ids[i] = inv.ID
	}
	stored, err := x.st.IssuedDocumentsFor(ctx, ids)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, inv := range invs {
		for _, kind := range []string{model.DocumentPDF, model.DocumentXML} {
			doc, ok := stored[inv.ID][kind]
			if !ok { // not rendered yet: the first reader renders and stores it
				if doc, err = x.files.File(ctx, inv, kind); err != nil {
					return err
				}
			}
			if err := addFile(zw, inv.Number+"."+kind, doc); err != nil {
				return err
			}
		}
	}
	return zw.Close()
}

func addFile(zw *zip.Writer, name string, doc model.IssuedDocument) error {
	f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: doc.RenderedAt})
	if err != nil {
		return fmt.Errorf("zip %s: %w", name, err)
	}
	_, err = f.Write(doc.Data)
	return err
}

// DocumentsZIPName is the download name of the ZIP of p.
func DocumentsZIPName(p Period) string {
	return fmt.Sprintf("Belege_%s_%s.zip", p.From.Format("20060102"), p.To.Format("20060102"))
}
