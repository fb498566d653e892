<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnalyticsPanel</name>
    <message>
        <location filename="../../ui/analytics/analyticspanel.cpp" line="+26"/>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trends &amp;&amp; opinion</source>
        <translation>Trends &amp;&amp; opinion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored analyses</source>
        <translation>Stored analyses</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Cannot open analysis %1 (%2)</source>
        <translation>Cannot open analysis %1 (%2)</translation>
    </message>
</context>
<context>
    <name>AnalyticsPlotStyle</name>
    <message>
        <location filename="../../ui/analytics/analyticsplotstyle.cpp" line="+26"/>
        <source>hour (UTC)</source>
        <translation>hour (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day (UTC)</source>
        <translation>day (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>week (UTC, from Monday)</source>
        <translation>week (UTC, from Monday)</translation>
    </message>
</context>
<context>
    <name>AppLanguage</name>
    <message>
        <location filename="../../ui/common/applanguage.cpp" line="+127"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
</context>
<context>
    <name>AppTheme</name>
    <message>
        <location filename="../../ui/common/apptheme.cpp" line="+102"/>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
</context>
<context>
    <name>ArchitectureView</name>
    <message>
        <location filename="../../ui/models/architectureview.cpp" line="+51"/>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Output shape</source>
        <translation>Output shape</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trainable</source>
        <translation>Trainable</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The layers appear here once a model family is chosen.</source>
        <translation>The layers appear here once a model family is chosen.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Building the model…</source>
        <translation>Building the model…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading the data&apos;s sizes and building the model…</source>
        <translation>Reading the data&apos;s sizes and building the model…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot describe this model: %1</source>
        <translation>Cannot describe this model: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Output shape of its last layer with parameters, %1</source>
        <translation>Output shape of its last layer with parameters, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No parameters: its output is not traced</source>
        <translation>No parameters: its output is not traced</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+13"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>&lt;b&gt;%1&lt;/b&gt; parameters, %2 trainable.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; parameters, %2 trainable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shapes from a dry run on a dummy batch of %1 (%2).</source>
        <translation>Shapes from a dry run on a dummy batch of %1 (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parameter tables: this family has no layers to run.</source>
        <translation>Parameter tables: this family has no layers to run.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sized for: %1</source>
        <translation>Sized for: %1</translation>
    </message>
</context>
<context>
    <name>AttentionExplorer</name>
    <message>
        <location filename="../../ui/attention/attentionexplorer.cpp" line="+46"/>
        <source>Predicted class probabilities</source>
        <translation>Predicted class probabilities</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>probability</source>
        <translation>probability</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Modality weights</source>
        <translation>Modality weights</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>weight</source>
        <translation>weight</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attention per video frame</source>
        <translation>Attention per video frame</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+168"/>
        <source>Probe post</source>
        <translation>Probe post</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Run %1</source>
        <translation>Run %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run %1: %2</source>
        <translation>Run %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run %1 (%2)</source>
        <translation>Run %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No run of this project has recorded attention yet: train a model that attends (an RNN with attention, a transformer, a multimodal fusion model).</source>
        <translation>No run of this project has recorded attention yet: train a model that attends (an RNN with attention, a transformer, a multimodal fusion model).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Skipped snapshots: %1</source>
        <translation>Skipped snapshots: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Test post</source>
        <translation>Test post</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+38"/>
        <source>#%1 [%2] %3</source>
        <translation>#%1 [%2] %3</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Post %1 is not one of the probe posts whose attention run %2 recorded: its attention under the run&apos;s final model is computed for it.</source>
        <translation>Post %1 is not one of the probe posts whose attention run %2 recorded: its attention under the run&apos;s final model is computed for it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Post %1 is not one of the probe posts whose attention run %2 recorded; showing its text and test prediction.</source>
        <translation>Post %1 is not one of the probe posts whose attention run %2 recorded; showing its text and test prediction.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run %1 recorded no attention; showing post %2 and its test prediction.</source>
        <translation>Run %1 recorded no attention; showing post %2 and its test prediction.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>no snapshots</source>
        <translation>no snapshots</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>epoch %1 (%2 of %3), step %4</source>
        <translation>epoch %1 (%2 of %3), step %4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Post %1 was not probed at epoch %2.</source>
        <translation>Post %1 was not probed at epoch %2.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>computing the final model&apos;s attention…</source>
        <translation>computing the final model&apos;s attention…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>final model (not a recorded epoch: computed for this post)</source>
        <translation>final model (not a recorded epoch: computed for this post)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no attention for this post: %1</source>
        <translation>no attention for this post: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1
select it to draw its co-attention over the picture</source>
        <translation>%1
select it to draw its co-attention over the picture</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;Post %1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;Post %1&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Video %1 (%2 s)</source>
        <translation>Video %1 (%2 s)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Predicted &lt;b&gt;%1&lt;/b&gt; (%2%)</source>
        <translation>Predicted &lt;b&gt;%1&lt;/b&gt; (%2%)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>True class &lt;b&gt;%1&lt;/b&gt;, predicted &lt;b&gt;%2&lt;/b&gt; (%3%)%4</source>
        <translation>True class &lt;b&gt;%1&lt;/b&gt;, predicted &lt;b&gt;%2&lt;/b&gt; (%3%)%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> - &lt;font color=&apos;#c81e2d&apos;&gt;wrong&lt;/font&gt;</source>
        <translation> - &lt;font color=&apos;#c81e2d&apos;&gt;wrong&lt;/font&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>True value &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>True value &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Test set: true class &lt;b&gt;%1&lt;/b&gt;, predicted &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>Test set: true class &lt;b&gt;%1&lt;/b&gt;, predicted &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Click tokens to see where they look in the picture.</source>
        <translation>Click tokens to see where they look in the picture.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n token(s) selected: their co-attention is drawn over the picture.</source>
        <translation>
            <numerusform>%n token selected: its co-attention is drawn over the picture.</numerusform>
            <numerusform>%n tokens selected: their co-attention is drawn over the picture.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click tokens to add up their attributions.</source>
        <translation>Click tokens to add up their attributions.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click tokens to add up their attention.</source>
        <translation>Click tokens to add up their attention.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n token(s) selected: total attribution %1</source>
        <translation>
            <numerusform>%n token selected: total attribution %1</numerusform>
            <numerusform>%n tokens selected: total attribution %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n token(s) selected: total attention %1</source>
        <translation>
            <numerusform>%n token selected: total attention %1</numerusform>
            <numerusform>%n tokens selected: total attention %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttentionHeatmap</name>
    <message>
        <location filename="../../ui/attention/attentionheatmap.cpp" line="+21"/>
        <source>attended token (key)</source>
        <translation>attended token (key)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attending token (query)</source>
        <translation>attending token (query)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>query \ key</source>
        <translation>query \ key</translation>
    </message>
</context>
<context>
    <name>AttentionSnapshot</name>
    <message>
        <location filename="../../ui/attention/attentionsnapshot.cpp" line="+74"/>
        <source>Post %1: the per-head attention does not match its %2 tokens.</source>
        <translation>Post %1: the per-head attention does not match its %2 tokens.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The attention snapshot is not a JSON object.</source>
        <translation>The attention snapshot is not a JSON object.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Post %1 has %2 tokens but %3 weights.</source>
        <translation>Post %1 has %2 tokens but %3 weights.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Post %1 of the thread of post %2 has %3 tokens but %4 weights.</source>
        <translation>Post %1 of the thread of post %2 has %3 tokens but %4 weights.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The attention snapshot is malformed: %1</source>
        <translation>The attention snapshot is malformed: %1</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/attention/barchart.cpp" line="+81"/>
        <source>label</source>
        <translation>label</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value</source>
        <translation>value</translation>
    </message>
</context>
<context>
    <name>ClassTokenView</name>
    <message>
        <location filename="../../ui/attention/classtokenview.cpp" line="+14"/>
        <source>Predicted class</source>
        <translation>Predicted class</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean attention</source>
        <translation>Mean attention</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Occurrences</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tokens attended to most per predicted class</source>
        <translation>Tokens attended to most per predicted class</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens attended to most per predicted class: this run recorded no token attention (models without attention over tokens, such as image and concatenation-fusion models, have no class view; colour the tokens by gradient × input or integrated gradients to see what drove a text prediction)</source>
        <translation>Tokens attended to most per predicted class: this run recorded no token attention (models without attention over tokens, such as image and concatenation-fusion models, have no class view; colour the tokens by gradient × input or integrated gradients to see what drove a text prediction)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Tokens with the highest mean attention per predicted class, over the %n probe post(s) of epoch %1</source>
        <translation>
            <numerusform>Tokens with the highest mean attention per predicted class, over the %n probe post of epoch %1</numerusform>
            <numerusform>Tokens with the highest mean attention per predicted class, over the %n probe posts of epoch %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 (%n post(s))</source>
        <translation>
            <numerusform>%1 (%n post)</numerusform>
            <numerusform>%1 (%n posts)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrossAttentionMap</name>
    <message>
        <location filename="../../ui/sequences/crossattentionmap.cpp" line="+38"/>
        <source>source token</source>
        <translation>source token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decoded token</source>
        <translation>decoded token</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>attention weight</source>
        <translation>attention weight</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>decoded \ source</source>
        <translation>decoded \ source</translation>
    </message>
</context>
<context>
    <name>CurvePlot</name>
    <message>
        <location filename="../../ui/training/curveplot.cpp" line="+53"/>
        <source>Reset zoom</source>
        <translation>Reset zoom</translation>
    </message>
</context>
<context>
    <name>EmbeddingProjector</name>
    <message>
        <location filename="../../ui/embeddings/embeddingprojector.cpp" line="+56"/>
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load TSV...</source>
        <translation>Load TSV...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export image...</source>
        <translation>Export image...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV...</source>
        <translation>Export CSV...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>word2vec runs give their word vectors; other runs their token embeddings</source>
        <translation>word2vec runs give their word vectors; other runs their token embeddings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search labels</source>
        <translation>Search labels</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Vectors</source>
        <translation>Vectors</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Projection</source>
        <translation>Projection</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour by</source>
        <translation>Colour by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nearest in the original space (cosine)</source>
        <translation>Nearest in the original space (cosine)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neighbours</source>
        <translation>Neighbours</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>PNG images (*.png);;SVG images (*.svg);;PDF files (*.pdf)</source>
        <translation>PNG images (*.png);;SVG images (*.svg);;PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Projection failed: %1</source>
        <translation>Projection failed: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Projection cancelled</source>
        <translation>Projection cancelled</translation>
    </message>
    <message>
        <location line="+102"/>
        <location line="+39"/>
        <location line="+15"/>
        <source>No project is open</source>
        <translation>No project is open</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>posts of &apos;%1&apos;</source>
        <translation>posts of &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>users of &apos;%1&apos;</source>
        <translation>users of &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>run %1 (%2)</source>
        <translation>run %1 (%2)</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>posts as %1 sees them</source>
        <translation>posts as %1 sees them</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot create a temporary folder: %1</source>
        <translation>Cannot create a temporary folder: %1</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Exporting the token embeddings of %1...</source>
        <translation>Exporting the token embeddings of %1...</translation>
    </message>
    <message>
        <location line="-285"/>
        <source>The vectors as they were at the end of an epoch, recorded while the run trained: the 2,000 most frequent tokens, the first 2,000 validation posts, or the 2,000 most active users and most popular items (per ALS iteration)</source>
        <translation>The vectors as they were at the end of an epoch, recorded while the run trained: the 2,000 most frequent tokens, the first 2,000 validation posts, or the 2,000 most active users and most popular items (per ALS iteration)</translation>
    </message>
    <message>
        <location line="+296"/>
        <source>Running the model of %1 over its posts...</source>
        <translation>Running the model of %1 over its posts...</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot start %1: %2</source>
        <translation>Cannot start %1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>exit code %1</source>
        <translation>exit code %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting the embeddings failed: %1</source>
        <translation>Exporting the embeddings failed: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Projector vectors</source>
        <translation>Projector vectors</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tab-separated vectors (*.tsv *.txt)</source>
        <translation>Tab-separated vectors (*.tsv *.txt)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Projector metadata (cancel for row numbers)</source>
        <translation>Projector metadata (cancel for row numbers)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tab-separated metadata (*.tsv *.txt)</source>
        <translation>Tab-separated metadata (*.tsv *.txt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading %1...</source>
        <translation>Loading %1...</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot load %1: %2</source>
        <translation>Cannot load %1: %2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1: %2 points in %3 dimensions</source>
        <translation>%1: %2 points in %3 dimensions</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Computing PCA of %1 points...</source>
        <translation>Computing PCA of %1 points...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computing t-SNE of %1 points...</source>
        <translation>Computing t-SNE of %1 points...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computing UMAP of %1 points...</source>
        <translation>Computing UMAP of %1 points...</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: %v of %m</source>
        <translation>%1: %v of %m</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frequency rank</source>
        <translation>Frequency rank</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Metadata: %1</source>
        <translation>Metadata: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n matching point(s)</source>
        <translation>
            <numerusform>%n matching point</numerusform>
            <numerusform>%n matching points</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1   %2</source>
        <translation>%1   %2</translation>
    </message>
    <message>
        <location line="-514"/>
        <source>Export image</source>
        <translation>Export image</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export coordinates</source>
        <translation>Export coordinates</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <location filename="../../ui/runs/evaluationview.cpp" line="+53"/>
        <source>predicted class</source>
        <translation>predicted class</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true class</source>
        <translation>true class</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>True</source>
        <translation>True</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Predicted</source>
        <translation>Predicted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Double-click a post to see what the model attended to</source>
        <translation>Double-click a post to see what the model attended to</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Misclassified test posts (double-click to open in the attention explorer)</source>
        <translation>Misclassified test posts (double-click to open in the attention explorer)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select a run to see its test evaluation.</source>
        <translation>Select a run to see its test evaluation.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run %1 has no test evaluation yet: it is recorded when training ends.</source>
        <translation>Run %1 has no test evaluation yet: it is recorded when training ends.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The test evaluation of run %1 cannot be read.</source>
        <translation>The test evaluation of run %1 cannot be read.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The test evaluation of run %1 cannot be read: %2</source>
        <translation>The test evaluation of run %1 cannot be read: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run %1 is a regression: it has no confusion matrix.</source>
        <translation>Run %1 is a regression: it has no confusion matrix.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Run %1, task %2: %3 test posts, accuracy %4</source>
        <translation>Run %1, task %2: %3 test posts, accuracy %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, macro-F1 %1</source>
        <translation>, macro-F1 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, micro-F1 %1</source>
        <translation>, micro-F1 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, ROC-AUC %1</source>
        <translation>, ROC-AUC %1</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>true \ predicted</source>
        <translation>true \ predicted</translation>
    </message>
</context>
<context>
    <name>ForecastChart</name>
    <message>
        <location filename="../../ui/analytics/forecastchart.cpp" line="+32"/>
        <source>lower bound</source>
        <translation>lower bound</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>95% interval</source>
        <translation>95% interval</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>history</source>
        <translation>history</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>forecast</source>
        <translation>forecast</translation>
    </message>
</context>
<context>
    <name>ImageExplanation</name>
    <message>
        <location filename="../../ui/attention/imageexplanation.cpp" line="+27"/>
        <source>The worker&apos;s answer is not JSON.</source>
        <translation>The worker&apos;s answer is not JSON.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The worker sent a Grad-CAM map without values (an older chorus-cli?).</source>
        <translation>The worker sent a Grad-CAM map without values (an older chorus-cli?).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Grad-CAM map&apos;s size does not match its values.</source>
        <translation>The Grad-CAM map&apos;s size does not match its values.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The co-attention rows do not match the grid of image regions.</source>
        <translation>The co-attention rows do not match the grid of image regions.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The co-attention rows do not match the post&apos;s tokens.</source>
        <translation>The co-attention rows do not match the post&apos;s tokens.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The worker&apos;s explanation is malformed: %1</source>
        <translation>The worker&apos;s explanation is malformed: %1</translation>
    </message>
</context>
<context>
    <name>ImageExplanationPane</name>
    <message>
        <location filename="../../ui/attention/imageexplanationpane.cpp" line="+51"/>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-attention of selected tokens</source>
        <translation>Co-attention of selected tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grad-CAM: the regions that raise the predicted class&apos;s score. Co-attention: where the selected tokens look in the picture (fusion runs with co-attention).</source>
        <translation>Grad-CAM: the regions that raise the predicted class&apos;s score. Co-attention: where the selected tokens look in the picture (fusion runs with co-attention).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How strongly the map covers the picture: 0 % shows the picture alone.</source>
        <translation>How strongly the map covers the picture: 0 % shows the picture alone.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Explaining the picture of post %1 with run %2 in the background...</source>
        <translation>Explaining the picture of post %1 with run %2 in the background...</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Post %1 has no picture, so there is nothing to explain in an image.</source>
        <translation>Post %1 has no picture, so there is nothing to explain in an image.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The picture of post %1 cannot be read: %2</source>
        <translation>The picture of post %1 cannot be read: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The picture of post %1 stored in the project cannot be read.</source>
        <translation>The picture of post %1 stored in the project cannot be read.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The worker could not explain post %1: %2</source>
        <translation>The worker could not explain post %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The model of run %1 gives no Grad-CAM map for this picture.</source>
        <translation>The model of run %1 gives no Grad-CAM map for this picture.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The worker could not read the picture: %1</source>
        <translation>The worker could not read the picture: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Grad-CAM: the regions that raise the model&apos;s output most are red.</source>
        <translation>Grad-CAM: the regions that raise the model&apos;s output most are red.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grad-CAM for the predicted class &lt;b&gt;%1&lt;/b&gt;: the regions that raise its score most are red.</source>
        <translation>Grad-CAM for the predicted class &lt;b&gt;%1&lt;/b&gt;: the regions that raise its score most are red.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose co-attention to see where selected tokens look.</source>
        <translation>Choose co-attention to see where selected tokens look.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run %1 has no co-attention between tokens and image regions (fusion runs with fusion &quot;coattention&quot; have it).</source>
        <translation>Run %1 has no co-attention between tokens and image regions (fusion runs with fusion &quot;coattention&quot; have it).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No token selected: click tokens above to draw their co-attention over the picture.</source>
        <translation>No token selected: click tokens above to draw their co-attention over the picture.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selected tokens attend to no image region.</source>
        <translation>The selected tokens attend to no image region.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Co-attention of %n selected token(s) over the %1 x %2 image regions (red: the region they attend to most).</source>
        <translation>
            <numerusform>Co-attention of %n selected token over the %1 x %2 image regions (red: the region it attends to most).</numerusform>
            <numerusform>Co-attention of %n selected tokens over the %1 x %2 image regions (red: the region they attend to most).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>ImportFilesPage</name>
    <message>
        <location filename="../../ui/import/importfilespage.cpp" line="+28"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the files to import (several files of one format go into one dataset) and name the dataset. An existing dataset keeps its posts; posts already in it are skipped.</source>
        <translation>Choose the files to import (several files of one format go into one dataset) and name the dataset. An existing dataset keeps its posts; posts already in it are skipped.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dataset name</source>
        <translation>Dataset name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;files...</source>
        <translation>Add &amp;files...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add f&amp;older...</source>
        <translation>Add f&amp;older...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder of images (one sub-folder per label)</source>
        <translation>A folder of images (one sub-folder per label)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Dataset:</source>
        <translation>&amp;Dataset:</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Import files</source>
        <translation>Import files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data files (*.csv *.tsv *.tab *.jsonl *.ndjson *.json *.zst *.mp4 *.avi *.mov *.mkv *.webm);;All files (*)</source>
        <translation>Data files (*.csv *.tsv *.tab *.jsonl *.ndjson *.json *.zst *.mp4 *.avi *.mov *.mkv *.webm);;All files (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a folder</source>
        <translation>Import a folder</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <location filename="../../ui/import/importmappingpage.cpp" line="+32"/>
        <source>Format and mapping</source>
        <translation>Format and mapping</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the format and the first rows, and say which column holds which post field.</source>
        <translation>Check the format and the first rows, and say which column holds which post field.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Imported as</source>
        <translation>Imported as</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First value</source>
        <translation>First value</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Detected:</source>
        <translation>Detected:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unknown: choose the format</source>
        <translation>unknown: choose the format</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>(not imported)</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>label: %1</source>
        <translation>label: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>image path</source>
        <translation>image path</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>video path</source>
        <translation>video path</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extra (kept verbatim)</source>
        <translation>extra (kept verbatim)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Choose a format.</source>
        <translation>Choose a format.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No columns found.</source>
        <translation>No columns found.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Two columns are mapped to &apos;%1&apos;: keep one.</source>
        <translation>Two columns are mapped to &apos;%1&apos;: keep one.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Map a column to &apos;text&apos; (or to an image or video path): a post needs content.</source>
        <translation>Map a column to &apos;text&apos; (or to an image or video path): a post needs content.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1 format has a fixed layout: no mapping to choose.</source>
        <translation>The %1 format has a fixed layout: no mapping to choose.</translation>
    </message>
</context>
<context>
    <name>ImportOptionsPage</name>
    <message>
        <location filename="../../ui/import/importoptionspage.cpp" line="+12"/>
        <source>&amp;Pseudonymise users</source>
        <translation>&amp;Pseudonymise users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mask e-mail addresses and phone numbers in text</source>
        <translation>&amp;Mask e-mail addresses and phone numbers in text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;kip posts whose text repeats an earlier post&apos;s</source>
        <translation>S&amp;kip posts whose text repeats an earlier post&apos;s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Privacy and storage options. Click Import to start; the window stays usable meanwhile.</source>
        <translation>Privacy and storage options. Click Import to start; the window stays usable meanwhile.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User ids become keyed hashes (the key is this project&apos;s secret); user names are dropped.</source>
        <translation>User ids become keyed hashes (the key is this project&apos;s secret); user names are dropped.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retweets and copy-paste spam: a post whose text (letter case and spacing aside) is already in the dataset or earlier in the files is skipped and counted as a duplicate.</source>
        <translation>Retweets and copy-paste spam: a post whose text (letter case and spacing aside) is already in the dataset or earlier in the files is skipped and counted as a duplicate.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image folders: the sub-folder name becomes the label of this task.</source>
        <translation>Image folders: the sub-folder name becomes the label of this task.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rows per transaction: what a crash can lose, and what re-running the import completes.</source>
        <translation>Rows per transaction: what a crash can lose, and what re-running the import completes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Posts already in the dataset (same source id) are skipped as duplicates, so importing a file again completes an interrupted import without storing twice.</source>
        <translation>Posts already in the dataset (same source id) are skipped as duplicates, so importing a file again completes an interrupted import without storing twice.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder &amp;label task:</source>
        <translation>Folder &amp;label task:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Batch size:</source>
        <translation>&amp;Batch size:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
</context>
<context>
    <name>ImportResultPage</name>
    <message>
        <location filename="../../ui/import/importresultpage.cpp" line="+14"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rejected rows:</source>
        <translation>Rejected rows:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dataset &apos;%1&apos;: %L2 posts imported, %L3 duplicates skipped, %L4 rows rejected in %5 s.</source>
        <translation>Dataset &apos;%1&apos;: %L2 posts imported, %L3 duplicates skipped, %L4 rows rejected in %5 s.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The import was cancelled; import again to complete it.</source>
        <translation>The import was cancelled; import again to complete it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first %L1 rejected rows are listed; all are in the project&apos;s import log.</source>
        <translation>The first %L1 rejected rows are listed; all are in the project&apos;s import log.</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <location filename="../../ui/import/importrunpage.cpp" line="+33"/>
        <source>&amp;Cancel import</source>
        <translation>&amp;Cancel import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import again</source>
        <translation>&amp;Import again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The import runs in the background. Cancelling keeps what was stored; importing again completes it.</source>
        <translation>The import runs in the background. Cancelling keeps what was stored; importing again completes it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate:</source>
        <translation>Rate:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left:</source>
        <translation>Time left:</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Starting...</source>
        <translation>Starting...</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelling...</source>
        <translation>Cancelling...</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 of %3)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%L1 rows/s</source>
        <translation>%L1 rows/s</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%L1 rows read</source>
        <translation>%L1 rows read</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled: %L1 posts stored, %L2 duplicates skipped, %L3 rows rejected. Import again to complete the dataset.</source>
        <translation>Cancelled: %L1 posts stored, %L2 duplicates skipped, %L3 rows rejected. Import again to complete the dataset.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done in %1.</source>
        <translation>Done in %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The import failed: %1</source>
        <translation>The import failed: %1</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/import/importwizard.cpp" line="+16"/>
        <source>Import data</source>
        <translation>Import data</translation>
    </message>
</context>
<context>
    <name>ImportWorker</name>
    <message>
        <location filename="../../ui/import/importworker.cpp" line="+73"/>
        <source>Import failed: %1</source>
        <translation>Import failed: %1</translation>
    </message>
</context>
<context>
    <name>LabelChart</name>
    <message>
        <location filename="../../ui/data/labelchart.cpp" line="+20"/>
        <location line="+85"/>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+8"/>
        <source>%1 (histogram, bins from)</source>
        <translation>%1 (histogram, bins from)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>value</source>
        <translation>value</translation>
    </message>
</context>
<context>
    <name>LiveAttentionRunner</name>
    <message>
        <location filename="../../ui/attention/liveattentionrunner.cpp" line="+35"/>
        <source>the worker&apos;s answer is not JSON</source>
        <translation>the worker&apos;s answer is not JSON</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the model reports no attention over tokens for this post</source>
        <translation>the model reports no attention over tokens for this post</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main/mainwindow.cpp" line="+75"/>
        <source>Chorus</source>
        <translation>Chorus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search post text (e.g. election, &quot;exact phrase&quot;, elect*)</source>
        <translation>Search post text (e.g. election, &quot;exact phrase&quot;, elect*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Explain in the Attention Explorer</source>
        <translation>Explain in the Attention Explorer</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label distribution</source>
        <translation>Label distribution</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Posts over time (search and filters)</source>
        <translation>Posts over time (search and filters)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projector</source>
        <translation>Projector</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Analytics</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recommend</source>
        <translation>Recommend</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sequences</source>
        <translation>Sequences</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>cannot count: %1</source>
        <translation>cannot count: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Project...</source>
        <translation>&amp;New Project...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Project...</source>
        <translation>&amp;Open Project...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Data...</source>
        <translation>&amp;Import Data...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find Posts</source>
        <translation>&amp;Find Posts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Clear Filters</source>
        <translation>&amp;Clear Filters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to %1</source>
        <translation>Go to %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Theme: %1</source>
        <translation>Theme: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Language: %1</source>
        <translation>Language: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language: %1. Restart Chorus to apply it.</source>
        <translation>Language: %1. Restart Chorus to apply it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Split Dataset...</source>
        <translation>&amp;Split Dataset...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Plugins...</source>
        <translation>&amp;Plugins...</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import data</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>Open or create a project first.</source>
        <translation>Open or create a project first.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Imported into dataset &apos;%1&apos;</source>
        <translation>Imported into dataset &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Split dataset</source>
        <translation>Split dataset</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Split %1 stored</source>
        <translation>Split %1 stored</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 - Chorus</source>
        <translation>%1 - Chorus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opened %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New project</source>
        <translation>New project</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Chorus projects (*.chorus)</source>
        <translation>Chorus projects (*.chorus)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Cannot create project</source>
        <translation>Cannot create project</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open project</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+201"/>
        <source>Cannot open project</source>
        <translation>Cannot open project</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>%1
%2 posts, %3 interactions</source>
        <translation>%1
%2 posts, %3 interactions</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>counting...</source>
        <translation>counting...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search failed: %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search &quot;%1&quot; in %2</source>
        <translation>Search &quot;%1&quot; in %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No run to explain post %1 with: train a model that attends (an RNN with attention, a transformer, a fusion model) first.</source>
        <translation>No run to explain post %1 with: train a model that attends (an RNN with attention, a transformer, a fusion model) first.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Post %1 in the Attention Explorer, under run %2 (choose another run there).</source>
        <translation>Post %1 in the Attention Explorer, under run %2 (choose another run there).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>by</source>
        <translation>by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;%1 likes, %2 shares, %3 replies</source>
        <translation>&lt;p&gt;%1 likes, %2 shares, %3 replies</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · via %1</source>
        <translation> · via %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · reply to %1</source>
        <translation> · reply to %1</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n post(s) match</source>
        <translation>
            <numerusform>%n post match</numerusform>
            <numerusform>%n posts match</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No recent projects</source>
        <translation>No recent projects</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Clear List</source>
        <translation>&amp;Clear List</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recent projects cleared</source>
        <translation>Recent projects cleared</translation>
    </message>
</context>
<context>
    <name>ModelFormWidget</name>
    <message>
        <location filename="../../ui/models/modelformwidget.cpp" line="+83"/>
        <source>Model parameters</source>
        <translation>Model parameters</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Model family</source>
        <translation>Model family</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data and training</source>
        <translation>Data and training</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The dataset to train on; its latest stored split is used.</source>
        <translation>The dataset to train on; its latest stored split is used.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The label task the model learns to predict.</source>
        <translation>The label task the model learns to predict.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passes over the training data.</source>
        <translation>Passes over the training data.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts per optimisation step.</source>
        <translation>Posts per optimisation step.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed of every random choice: same seed, same run.</source>
        <translation>Seed of every random choice: same seed, same run.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdamW, or SGD with momentum.</source>
        <translation>AdamW, or SGD with momentum.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate (the peak, when scheduled).</source>
        <translation>Learning rate (the peak, when scheduled).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the learning rate changes over the run.</source>
        <translation>How the learning rate changes over the run.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps of linear warm-up before the schedule.</source>
        <translation>Steps of linear warm-up before the schedule.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optimizer</source>
        <translation>Optimizer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warm-up steps</source>
        <translation>Warm-up steps</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot list the model families: %1</source>
        <translation>cannot list the model families: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot start %1 to list the model families</source>
        <translation>cannot start %1 to list the model families</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>cannot open the preset %1</source>
        <translation>cannot open the preset %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the preset %1 is not a JSON object</source>
        <translation>the preset %1 is not a JSON object</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>comma-separated integers, e.g. 3, 4, 5</source>
        <translation>comma-separated integers, e.g. 3, 4, 5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (%1 to %2)</source>
        <translation> (%1 to %2)</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>JSON: %1</source>
        <translation>JSON: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>config: expected a JSON object</source>
        <translation>config: expected a JSON object</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>model: the model families are not loaded yet</source>
        <translation>model: the model families are not loaded yet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>model: unknown model family &quot;%1&quot; (known: %2)</source>
        <translation>model: unknown model family &quot;%1&quot; (known: %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>dataset: this project has no dataset named &quot;%1&quot;</source>
        <translation>dataset: this project has no dataset named &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The configuration is valid.</source>
        <translation>The configuration is valid.</translation>
    </message>
</context>
<context>
    <name>ModelSchemaText</name>
    <message>
        <location filename="../../ui/models/modelschematext.cpp" line="+13"/>
        <source>TextCNN</source>
        <translation>TextCNN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BiLSTM/BiGRU + attention</source>
        <translation>BiLSTM/BiGRU + attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transformer encoder</source>
        <translation>Transformer encoder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bag of n-grams</source>
        <translation>Bag of n-grams</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word2Vec</source>
        <translation>Word2Vec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image CNN (ResNet-style)</source>
        <translation>Image CNN (ResNet-style)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretrained backbone (TorchScript)</source>
        <translation>Pretrained backbone (TorchScript)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video: frame CNN + temporal GRU/attention</source>
        <translation>Video: frame CNN + temporal GRU/attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text + image fusion</source>
        <translation>Text + image fusion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multi-task</source>
        <translation>Multi-task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seq2seq GRU + Bahdanau attention</source>
        <translation>Seq2seq GRU + Bahdanau attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User-kNN recommender</source>
        <translation>User-kNN recommender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item-kNN recommender</source>
        <translation>Item-kNN recommender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content recommender (TF-IDF)</source>
        <translation>Content recommender (TF-IDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matrix factorisation (implicit ALS)</source>
        <translation>Matrix factorisation (implicit ALS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hybrid recommender</source>
        <translation>Hybrid recommender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hierarchical attention network (reply threads)</source>
        <translation>Hierarchical attention network (reply threads)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Convolutions of several widths slide over the token embeddings and keep each filter&apos;s strongest match (Kim 2014). Fast, and strong on short posts where a few phrases decide.</source>
        <translation>Convolutions of several widths slide over the token embeddings and keep each filter&apos;s strongest match (Kim 2014). Fast, and strong on short posts where a few phrases decide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the token embedding vectors.</source>
        <translation>Width of the token embedding vectors.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window widths in tokens; one bank of filters per width.</source>
        <translation>Window widths in tokens; one bank of filters per width.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters per window width.</source>
        <translation>Filters per window width.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the pooled features zeroed at random while training.</source>
        <translation>Fraction of the pooled features zeroed at random while training.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A bidirectional LSTM or GRU reads the post both ways; additive attention weighs its tokens and the weights show which words the prediction rests on.</source>
        <translation>A bidirectional LSTM or GRU reads the post both ways; additive attention weighs its tokens and the weights show which words the prediction rests on.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurrent cell: LSTM, or GRU (fewer weights, faster).</source>
        <translation>Recurrent cell: LSTM, or GRU (fewer weights, faster).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units per direction.</source>
        <translation>Hidden units per direction.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked recurrent layers.</source>
        <translation>Stacked recurrent layers.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the attention scoring layer.</source>
        <translation>Width of the attention scoring layer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the attended summary (and the outputs between stacked layers) zeroed at random while training.</source>
        <translation>Fraction of the attended summary (and the outputs between stacked layers) zeroed at random while training.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-attention layers relate every token to every other; the attention of each layer and head can be inspected. Needs more data than the others to shine.</source>
        <translation>Self-attention layers relate every token to every other; the attention of each layer and head can be inspected. Needs more data than the others to shine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention heads per layer; each head gets embedding_dim / heads dimensions (rounded up).</source>
        <translation>Attention heads per layer; each head gets embedding_dim / heads dimensions (rounded up).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder layers.</source>
        <translation>Encoder layers.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the feed-forward block inside each layer.</source>
        <translation>Width of the feed-forward block inside each layer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of activations and attention weights zeroed at random while training.</source>
        <translation>Fraction of activations and attention weights zeroed at random while training.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position encoding: a learned table, or fixed sine waves (no extra weights).</source>
        <translation>Position encoding: a learned table, or fixed sine waves (no extra weights).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The fastText-style baseline: the mean embedding of a post&apos;s words and hashed word pairs, then a linear classifier. Trains in seconds; anything else should beat it.</source>
        <translation>The fastText-style baseline: the mean embedding of a post&apos;s words and hashed word pairs, then a linear classifier. Trains in seconds; anything else should beat it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the n-gram embedding vectors.</source>
        <translation>Width of the n-gram embedding vectors.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add hashed pairs of adjacent words to the bag of words.</source>
        <translation>Add hashed pairs of adjacent words to the bag of words.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash buckets for word pairs; fewer buckets share rows between more pairs.</source>
        <translation>Hash buckets for word pairs; fewer buckets share rows between more pairs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the mean embedding zeroed at random while training.</source>
        <translation>Fraction of the mean embedding zeroed at random while training.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word embeddings learned from the dataset&apos;s post text: skip-gram or CBOW with negative sampling; the vectors initialise text models or are explored in the projector.</source>
        <translation>Word embeddings learned from the dataset&apos;s post text: skip-gram or CBOW with negative sampling; the vectors initialise text models or are explored in the projector.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip-gram predicts context from a word (better for rare words); CBOW the reverse (faster).</source>
        <translation>Skip-gram predicts context from a word (better for rare words); CBOW the reverse (faster).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of each word vector.</source>
        <translation>Length of each word vector.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words on each side that count as context.</source>
        <translation>Words on each side that count as context.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise words drawn per positive pair.</source>
        <translation>Noise words drawn per positive pair.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words seen fewer times are left out of the vocabulary.</source>
        <translation>Words seen fewer times are left out of the vocabulary.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down-sampling threshold for very frequent words (0: off).</source>
        <translation>Down-sampling threshold for very frequent words (0: off).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting learning rate, decaying linearly to min_alpha.</source>
        <translation>Starting learning rate, decaying linearly to min_alpha.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate at the end of training.</source>
        <translation>Learning rate at the end of training.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worker threads (0: one per core; 1: bit-reproducible).</source>
        <translation>Worker threads (0: one per core; 1: bit-reproducible).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A small residual network trained from scratch on the posts&apos; pictures, then average pooling and a linear layer. Grad-CAM shows which regions a prediction rests on.</source>
        <translation>A small residual network trained from scratch on the posts&apos; pictures, then average pooling and a linear layer. Grad-CAM shows which regions a prediction rests on.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filters of the first stage; each later stage doubles them.</source>
        <translation>Filters of the first stage; each later stage doubles them.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stages of residual blocks; each after the first halves the resolution.</source>
        <translation>Stages of residual blocks; each after the first halves the resolution.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual blocks (two 3x3 convolutions each) per stage.</source>
        <translation>Residual blocks (two 3x3 convolutions each) per stage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pictures are scaled (shorter side) and centre-cropped to this many pixels square.</source>
        <translation>Pictures are scaled (shorter side) and centre-cropped to this many pixels square.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>While training, show each picture with a random crop and left-right flip.</source>
        <translation>While training, show each picture with a random crop and left-right flip.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your own TorchScript network (e.g. a torchvision ResNet saved with torch.jit.trace, its last layer removed) as a frozen feature extractor, with a linear layer trained on top. Grad-CAM works when the backbone returns feature maps.</source>
        <translation>Your own TorchScript network (e.g. a torchvision ResNet saved with torch.jit.trace, its last layer removed) as a frozen feature extractor, with a linear layer trained on top. Grad-CAM works when the backbone returns feature maps.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TorchScript file (.pt) mapping [B, 3, H, W] pictures to [B, D] or [B, C, h, w] features.</source>
        <translation>TorchScript file (.pt) mapping [B, 3, H, W] pictures to [B, D] or [B, C, h, w] features.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the backbone&apos;s features zeroed at random while training.</source>
        <translation>Fraction of the backbone&apos;s features zeroed at random while training.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames sampled uniformly over each clip go through a small ResNet-style CNN; a GRU or position-aware attention combines them, and the per-frame weights show which moments the prediction rests on.</source>
        <translation>Frames sampled uniformly over each clip go through a small ResNet-style CNN; a GRU or position-aware attention combines them, and the per-frame weights show which moments the prediction rests on.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frames sampled per clip, spread evenly over its duration.</source>
        <translation>Frames sampled per clip, spread evenly over its duration.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side of the square each frame is resized and cropped to.</source>
        <translation>Side of the square each frame is resized and cropped to.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the frame CNN&apos;s first stage; each later stage doubles it.</source>
        <translation>Width of the frame CNN&apos;s first stage; each later stage doubles it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stages of the frame CNN; each after the first halves the resolution.</source>
        <translation>Stages of the frame CNN; each after the first halves the resolution.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How frames are combined: a GRU over time, or attention with learned frame positions.</source>
        <translation>How frames are combined: a GRU over time, or attention with learned frame positions.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the per-frame temporal states.</source>
        <translation>Width of the per-frame temporal states.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the attended clip summary zeroed at random while training.</source>
        <translation>Fraction of the attended clip summary zeroed at random while training.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each frame is summarised on a grid x grid layout; 1 ignores where things are, more keeps the layout that motion shows in.</source>
        <translation>Each frame is summarised on a grid x grid layout; 1 ignores where things are, more keeps the layout that motion shows in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A BiGRU reads the post&apos;s text and a small ResNet its image; the two are fused by concatenation, a per-post gate, co-attention between words and image regions, or multi-view heads that must agree. Posts without an image still train and predict.</source>
        <translation>A BiGRU reads the post&apos;s text and a small ResNet its image; the two are fused by concatenation, a per-post gate, co-attention between words and image regions, or multi-view heads that must agree. Posts without an image still train and predict.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>concat: join both vectors; gated: weigh the modalities per post (weights shown); coattention: words and image regions attend to each other (maps shown); multiview: a head per modality plus a fused head, trained to agree.</source>
        <translation>concat: join both vectors; gated: weigh the modalities per post (weights shown); coattention: words and image regions attend to each other (maps shown); multiview: a head per modality plus a fused head, trained to agree.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GRU units per direction; token and image features are twice this wide.</source>
        <translation>GRU units per direction; token and image features are twice this wide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked bidirectional GRU layers.</source>
        <translation>Stacked bidirectional GRU layers.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels of the image trunk&apos;s first stage; each later stage doubles them.</source>
        <translation>Channels of the image trunk&apos;s first stage; each later stage doubles them.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residual stages; each after the first halves the grid of image regions.</source>
        <translation>Residual stages; each after the first halves the grid of image regions.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the gate&apos;s scoring layer and of co-attention queries and keys.</source>
        <translation>Width of the gate&apos;s scoring layer and of co-attention queries and keys.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units of the classification head(s).</source>
        <translation>Hidden units of the classification head(s).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of head activations zeroed at random while training.</source>
        <translation>Fraction of head activations zeroed at random while training.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>multiview only: weight of the term that pulls the text and image heads towards each other and towards the fused prediction.</source>
        <translation>multiview only: weight of the term that pulls the text and image heads towards each other and towards the fused prediction.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One shared BiGRU encoder with a head per label task (e.g. sentiment, topic and an engagement regression); each task&apos;s loss is weighted (the run config&apos;s task_weights) and a post may lack some labels.</source>
        <translation>One shared BiGRU encoder with a head per label task (e.g. sentiment, topic and an engagement regression); each task&apos;s loss is weighted (the run config&apos;s task_weights) and a post may lack some labels.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units of each task&apos;s head.</source>
        <translation>Hidden units of each task&apos;s head.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the image trunk to the shared encoder (posts without an image use a learned stand-in).</source>
        <translation>Add the image trunk to the shared encoder (posts without an image use a learned stand-in).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A bidirectional GRU encoder and an attending GRU decoder generate a sequence from a sequence: users&apos; next actions from their last ones, or a reply from the post it answers. Beam search decodes; the cross-attention shows which source tokens each output token looked at.</source>
        <translation>A bidirectional GRU encoder and an attending GRU decoder generate a sequence from a sequence: users&apos; next actions from their last ones, or a reply from the post it answers. Beam search decodes; the cross-attention shows which source tokens each output token looked at.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to learn: replies (parent post -&gt; reply text) or behaviour (a user&apos;s last actions -&gt; their next ones, from an interactions dataset).</source>
        <translation>What to learn: replies (parent post -&gt; reply text) or behaviour (a user&apos;s last actions -&gt; their next ones, from an interactions dataset).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GRU units: per direction in the encoder, and the decoder&apos;s state.</source>
        <translation>GRU units: per direction in the encoder, and the decoder&apos;s state.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked GRU layers in the encoder and the decoder.</source>
        <translation>Stacked GRU layers in the encoder and the decoder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of embeddings and decoder features zeroed while training.</source>
        <translation>Fraction of embeddings and decoder features zeroed while training.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probability of feeding the true previous token to the decoder at the first step.</source>
        <translation>Probability of feeding the true previous token to the decoder at the first step.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same probability at the last step; it decays linearly in between.</source>
        <translation>The same probability at the last step; it decays linearly in between.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hypotheses kept by beam search at test time (1: greedy).</source>
        <translation>Hypotheses kept by beam search at test time (1: greedy).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GNMT length penalty alpha: scores are log P / ((5 + length) / 6)^alpha.</source>
        <translation>GNMT length penalty alpha: scores are log P / ((5 + length) / 6)^alpha.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest output in tokens, &lt;eos&gt; included; longer reply texts are cut.</source>
        <translation>Longest output in tokens, &lt;eos&gt; included; longer reply texts are cut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies: parent-post tokens read (the first ones).</source>
        <translation>Replies: parent-post tokens read (the first ones).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behaviour: previous actions in the source, at most.</source>
        <translation>Behaviour: previous actions in the source, at most.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Behaviour: next actions to predict.</source>
        <translation>Behaviour: next actions to predict.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens seen fewer times in training become &lt;unk&gt;.</source>
        <translation>Tokens seen fewer times in training become &lt;unk&gt;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users whose histories resemble yours (cosine over their items) vote for their items. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</source>
        <translation>Users whose histories resemble yours (cosine over their items) vote for their items. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most similar users or items kept per user or item (fewer: faster, less noise).</source>
        <translation>Most similar users or items kept per user or item (fewer: faster, less noise).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shrunk cosine a.b / (|a| |b| + shrinkage): similarities backed by little data count less (0: plain cosine).</source>
        <translation>Shrunk cosine a.b / (|a| |b| + shrinkage): similarities backed by little data count less (0: plain cosine).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length of the recommendation lists scored by the leave-last-out evaluation (NDCG@K, ...).</source>
        <translation>Length of the recommendation lists scored by the leave-last-out evaluation (NDCG@K, ...).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interaction kinds to learn from, comma-separated (view,like,share), or all.</source>
        <translation>Interaction kinds to learn from, comma-separated (view,like,share), or all.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How repeated interactions of a user with an item combine: their weights add up, or the strongest counts.</source>
        <translation>How repeated interactions of a user with an item combine: their weights add up, or the strongest counts.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items the same users interacted with are similar; your items vote for their neighbours. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</source>
        <translation>Items the same users interacted with are similar; your items vote for their neighbours. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items whose titles and topics share terms with those of your items; ranks new items too. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</source>
        <translation>Items whose titles and topics share terms with those of your items; ranks new items too. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent user and item factors fitted by alternating least squares on implicit feedback; the factors open in the embedding projector. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</source>
        <translation>Latent user and item factors fitted by alternating least squares on implicit feedback; the factors open in the embedding projector. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latent factors per user and item.</source>
        <translation>Latent factors per user and item.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of the factors&apos; squared norms: keeps rarely seen users and items near zero.</source>
        <translation>Weight of the factors&apos; squared norms: keeps rarely seen users and items near zero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidence in an observed interaction is 1 + alpha x weight (unobserved: 1).</source>
        <translation>Confidence in an observed interaction is 1 + alpha x weight (unobserved: 1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternating least-squares sweeps (users, then items).</source>
        <translation>Alternating least-squares sweeps (users, then items).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A weighted blend of item-kNN, user-kNN, matrix factorisation and content scores, each normalised per user. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</source>
        <translation>A weighted blend of item-kNN, user-kNN, matrix factorisation and content scores, each normalised per user. Evaluated leave-last-out (NDCG@K, recall@K, hit rate, coverage) beside the popularity baseline.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of item-kNN in the blend (0: left out).</source>
        <translation>Weight of item-kNN in the blend (0: left out).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of user-kNN in the blend (0: left out).</source>
        <translation>Weight of user-kNN in the blend (0: left out).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of matrix factorisation in the blend (0: left out).</source>
        <translation>Weight of matrix factorisation in the blend (0: left out).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight of the content (TF-IDF of item titles) model in the blend (0: left out).</source>
        <translation>Weight of the content (TF-IDF of item titles) model in the blend (0: left out).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads each post with its reply thread: a BiGRU with attention summarises every post from its words, a second BiGRU with attention summarises the thread from its posts. Both levels of attention show which posts of the thread, and which of their words, the prediction rests on.</source>
        <translation>Reads each post with its reply thread: a BiGRU with attention summarises every post from its words, a second BiGRU with attention summarises the thread from its posts. Both levels of attention show which posts of the thread, and which of their words, the prediction rests on.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units per direction of the word-level GRU (reads one post).</source>
        <translation>Hidden units per direction of the word-level GRU (reads one post).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden units per direction of the post-level GRU (reads the thread&apos;s post vectors).</source>
        <translation>Hidden units per direction of the post-level GRU (reads the thread&apos;s post vectors).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width of the word- and post-level attention scoring layers.</source>
        <translation>Width of the word- and post-level attention scoring layers.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts of the thread read with each post: itself, its ancestors, then earlier replies (1: every post alone).</source>
        <translation>Posts of the thread read with each post: itself, its ancestors, then earlier replies (1: every post alone).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens kept per post; longer posts are cut.</source>
        <translation>Tokens kept per post; longer posts are cut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the embeddings, post vectors and summary zeroed at random while training.</source>
        <translation>Fraction of the embeddings, post vectors and summary zeroed at random while training.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How post text becomes tokens: Chorus&apos;s social-media tokenizer (words, emoji, #hashtags, @mentions, URLs as tokens), or SentencePiece subword pieces learned from this run&apos;s training posts (suits languages without spaces and text full of rare word forms).</source>
        <translation>How post text becomes tokens: Chorus&apos;s social-media tokenizer (words, emoji, #hashtags, @mentions, URLs as tokens), or SentencePiece subword pieces learned from this run&apos;s training posts (suits languages without spaces and text full of rare word forms).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the SentencePiece tokenizer: pieces in its model, at most (fewer when the training text is small).</source>
        <translation>With the SentencePiece tokenizer: pieces in its model, at most (fewer when the training text is small).</translation>
    </message>
</context>
<context>
    <name>OpinionView</name>
    <message>
        <location filename="../../ui/analytics/opinionview.cpp" line="+34"/>
        <source>Show opinion</source>
        <translation>Show opinion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export shares...</source>
        <translation>Export shares...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export forecast...</source>
        <translation>Export forecast...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hour</source>
        <translation>hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>week</source>
        <translation>week</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional, e.g. #election</source>
        <translation>optional, e.g. #election</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>topic value</source>
        <translation>topic value</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Opinion task</source>
        <translation>Opinion task</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>per</source>
        <translation>per</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hashtag</source>
        <translation>Hashtag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>or topic</source>
        <translation>or topic</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Class shares per bucket</source>
        <translation>Class shares per bucket</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Forecast the share of</source>
        <translation>Forecast the share of</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for the next</source>
        <translation>for the next</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>periods (Holt)</source>
        <translation>periods (Holt)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export opinion shares</source>
        <translation>Export opinion shares</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>CSV (*.csv);;PNG (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+6"/>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Export forecast</source>
        <translation>Export forecast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1...</source>
        <translation>%1...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (not stored: %2)</source>
        <translation>%1 (not stored: %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(no topic filter)</source>
        <translation>(no topic filter)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Pick the label task that holds the opinion (e.g. sentiment)</source>
        <translation>Pick the label task that holds the opinion (e.g. sentiment)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the topic value to keep, or drop the topic filter</source>
        <translation>Type the topic value to keep, or drop the topic filter</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Counting...</source>
        <translation>Counting...</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot show analysis %1: %2</source>
        <translation>Cannot show analysis %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not an opinion result</source>
        <translation>it is not an opinion result</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Stored analysis %1: %2</source>
        <translation>Stored analysis %1: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>share of labelled posts</source>
        <translation>share of labelled posts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Largest shift from %1: &apos;%2&apos; went from %3% to %4% (%5 posts before, %6 after; total variation %7, chi-square %8)</source>
        <translation>Largest shift from %1: &apos;%2&apos; went from %3% to %4% (%5 posts before, %6 after; total variation %7, chi-square %8)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Too few labelled buckets for a shift</source>
        <translation>Too few labelled buckets for a shift</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 labelled posts in %2 buckets</source>
        <translation>%1 labelled posts in %2 buckets</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>share</source>
        <translation>share</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No forecast: %1</source>
        <translation>No forecast: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>share of &apos;%1&apos;</source>
        <translation>share of &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>PlotExporter</name>
    <message>
        <location filename="../../ui/common/plotexporter.cpp" line="+97"/>
        <source>Export as PNG...</source>
        <translation>Export as PNG...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as SVG...</source>
        <translation>Export as SVG...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as PDF...</source>
        <translation>Export as PDF...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export data as CSV...</source>
        <translation>Export data as CSV...</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG images (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export plot</source>
        <translation>Export plot</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write %1.</source>
        <translation>Cannot write %1.</translation>
    </message>
</context>
<context>
    <name>PluginsDialog</name>
    <message>
        <location filename="../../ui/main/pluginsdialog.cpp" line="+33"/>
        <source>Plugins</source>
        <translation>Plugins</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plugins add import formats and model families to Chorus. They are loaded at start from these folders:&lt;br&gt;%1</source>
        <translation>Plugins add import formats and model families to Chorus. They are loaded at start from these folders:&lt;br&gt;%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Plugin</source>
        <translation>Plugin</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+102"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+100"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Provides</source>
        <translation>Provides</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Enabling or disabling a plugin takes effect the next time Chorus starts.</source>
        <translation>Enabling or disabling a plugin takes effect the next time Chorus starts.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No plugins were found.</source>
        <translation>No plugins were found.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loaded</source>
        <translation>Loaded</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>import: %1</source>
        <translation>import: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>models: %1</source>
        <translation>models: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Interface version</source>
        <translation>Interface version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (this Chorus: %2)</source>
        <translation>%1 (this Chorus: %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import formats</source>
        <translation>Import formats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model families</source>
        <translation>Model families</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Library</source>
        <translation>Library</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not save the choice: %1</source>
        <translation>Could not save the choice: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” will be loaded the next time Chorus starts.</source>
        <translation>“%1” will be loaded the next time Chorus starts.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” will not be loaded the next time Chorus starts.</source>
        <translation>“%1” will not be loaded the next time Chorus starts.</translation>
    </message>
</context>
<context>
    <name>PointGrouping</name>
    <message>
        <location filename="../../ui/embeddings/pointgrouping.cpp" line="+50"/>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>rank &gt; %L1</source>
        <translation>rank &gt; %L1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rank %L1-%L2</source>
        <translation>rank %L1-%L2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no time)</source>
        <translation>(no time)</translation>
    </message>
</context>
<context>
    <name>PostFilterBar</name>
    <message>
        <location filename="../../ui/data/postfilterbar.cpp" line="+41"/>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clip</source>
        <translation>Clip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts created on or after this day (UTC)</source>
        <translation>Posts created on or after this day (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts created on or before this day (UTC)</source>
        <translation>Posts created on or before this day (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only posts labelled for this task</source>
        <translation>Only posts labelled for this task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only posts with this label value</source>
        <translation>Only posts with this label value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only posts assigned by this split</source>
        <translation>Only posts assigned by this split</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only posts of this part of the split</source>
        <translation>Only posts of this part of the split</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only posts with at least one picture</source>
        <translation>Only posts with at least one picture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only posts with at least one video clip</source>
        <translation>Only posts with at least one video clip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any part</source>
        <translation>any part</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>train</source>
        <translation>train</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+30"/>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>#%1 %2, %3 (%4 posts)</source>
        <translation>#%1 %2, %3 (%4 posts)</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>any value</source>
        <translation>any value</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>PostsTableModel</name>
    <message numerus="yes">
        <location filename="../../ui/data/poststablemodel.cpp" line="+73"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n video(s)</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media</source>
        <translation>Media</translation>
    </message>
</context>
<context>
    <name>ProjectionRunner</name>
    <message>
        <location filename="../../ui/embeddings/projectionrunner.cpp" line="+44"/>
        <source>PCA: the two components explain %1% and %2% of the variance</source>
        <translation>PCA: the two components explain %1% and %2% of the variance</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>t-SNE iterations</source>
        <translation>t-SNE iterations</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>t-SNE: %1 iterations, KL divergence %2</source>
        <translation>t-SNE: %1 iterations, KL divergence %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>UMAP neighbour search</source>
        <translation>UMAP neighbour search</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UMAP epochs</source>
        <translation>UMAP epochs</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>UMAP: %1 epochs over %2 edges, %3 neighbours</source>
        <translation>UMAP: %1 epochs over %2 edges, %3 neighbours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>approximate (NN-descent)</source>
        <translation>approximate (NN-descent)</translation>
    </message>
</context>
<context>
    <name>ProjectionSettings</name>
    <message>
        <location filename="../../ui/embeddings/projectionsettings.cpp" line="+14"/>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>t-SNE (Barnes-Hut)</source>
        <translation>t-SNE (Barnes-Hut)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UMAP</source>
        <translation>UMAP</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Barnes-Hut accuracy: 0 is exact (slow), larger is faster and coarser</source>
        <translation>Barnes-Hut accuracy: 0 is exact (slow), larger is faster and coarser</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Neighbours per point, the point itself included: larger keeps more of the global structure, smaller more of the local</source>
        <translation>Neighbours per point, the point itself included: larger keeps more of the global structure, smaller more of the local</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How tightly points may pack together in the layout</source>
        <translation>How tightly points may pack together in the layout</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic: 500 up to 10,000 points, 200 above</source>
        <translation>Automatic: 500 up to 10,000 points, 200 above</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Perplexity</source>
        <translation>Perplexity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iterations</source>
        <translation>Iterations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theta</source>
        <translation>Theta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neighbours</source>
        <translation>Neighbours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum distance</source>
        <translation>Minimum distance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>t-SNE: %1</source>
        <translation>t-SNE: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UMAP: %1</source>
        <translation>UMAP: %1</translation>
    </message>
</context>
<context>
    <name>ProjectorSourceList</name>
    <message>
        <location filename="../../ui/embeddings/projectorsourcelist.cpp" line="+28"/>
        <source>#%1 %2 (%3): %4</source>
        <translation>#%1 %2 (%3): %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>user factors</source>
        <translation>user factors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>item factors</source>
        <translation>item factors</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>word vectors</source>
        <translation>word vectors</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>token embeddings</source>
        <translation>token embeddings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>posts as the model sees them</source>
        <translation>posts as the model sees them</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Posts of &apos;%1&apos; (LSA)</source>
        <translation>Posts of &apos;%1&apos; (LSA)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Users of &apos;%1&apos; (TF-IDF, LSA)</source>
        <translation>Users of &apos;%1&apos; (TF-IDF, LSA)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>posts as %1 saw them at epoch %2</source>
        <translation>posts as %1 saw them at epoch %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user factors of %1, iteration %2</source>
        <translation>user factors of %1, iteration %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>item factors of %1, iteration %2</source>
        <translation>item factors of %1, iteration %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, epoch %2</source>
        <translation>%1, epoch %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Iteration %1</source>
        <translation>Iteration %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch %1 (step %2)</source>
        <translation>Epoch %1 (step %2)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/analytics/userprofileview.cpp" line="+100"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../ui/data/postfilterbar.cpp" line="-126"/>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../ui/import/importpreview.cpp" line="+46"/>
        <source>The file is empty: it should start with a header line naming its columns.</source>
        <translation>The file is empty: it should start with a header line naming its columns.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No JSON object on the first lines (a JSON array file is imported, but not previewed).</source>
        <translation>No JSON object on the first lines (a JSON array file is imported, but not previewed).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Media inputs have no rows to preview; each file becomes a post.</source>
        <translation>Media inputs have no rows to preview; each file becomes a post.</translation>
    </message>
    <message>
        <location filename="../../ui/import/importrunpage.cpp" line="-130"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>RecommenderPanel</name>
    <message>
        <location filename="../../ui/recommenders/recommenderpanel.cpp" line="+62"/>
        <source>, </source>
        <comment>between the names and titles of a reason</comment>
        <translation>, </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>users like you: %1</source>
        <translation>users like you: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1”</source>
        <comment>an item title quoted</comment>
        <translation>“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>similar to %1 you liked</source>
        <translation>similar to %1 you liked</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>content: shared terms %1</source>
        <translation>content: shared terms %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>popular: %n user(s)</source>
        <translation>
            <numerusform>popular: %n user</numerusform>
            <numerusform>popular: %n users</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last interaction</source>
        <translation>Last interaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How many items to recommend.</source>
        <translation>How many items to recommend.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search users by name or id</source>
        <translation>Search users by name or id</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recommender run</source>
        <translation>Recommender run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommendations</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>History (most recent first)</source>
        <translation>History (most recent first)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recommended (items the user has not interacted with)</source>
        <translation>Recommended (items the user has not interacted with)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Train a recommender (Models tab, an interactions dataset) to see recommendations here.</source>
        <translation>Train a recommender (Models tab, an interactions dataset) to see recommendations here.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Run %1: %2 on %3</source>
        <translation>Run %1: %2 on %3</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Loading run %1…</source>
        <translation>Loading run %1…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Run %1 (%2): %3 users, %4 items.</source>
        <translation>Run %1 (%2): %3 users, %4 items.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Recommending for %1…</source>
        <translation>Recommending for %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (user %2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (user %2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n recommendation(s) for %1.</source>
        <translation>
            <numerusform>%n recommendation for %1.</numerusform>
            <numerusform>%n recommendations for %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../../ui/common/runstatus.cpp" line="+6"/>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
</context>
<context>
    <name>RunsPanel</name>
    <message>
        <location filename="../../ui/runs/runspanel.cpp" line="+28"/>
        <source>step</source>
        <translation>step</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename...</source>
        <translation>Rename...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete...</source>
        <translation>Delete...</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Validation accuracy</source>
        <translation>Validation accuracy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Validation macro-F1</source>
        <translation>Validation macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation loss</source>
        <translation>Validation loss</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training loss</source>
        <translation>Training loss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Throughput (samples/s)</source>
        <translation>Throughput (samples/s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+134"/>
        <location line="+7"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location line="-141"/>
        <location line="+134"/>
        <source>Run A</source>
        <translation>Run A</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+134"/>
        <source>Run B</source>
        <translation>Run B</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Curve</source>
        <translation>Curve</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Config differences (select two runs)</source>
        <translation>Config differences (select two runs)</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>run %1 (%2)</source>
        <translation>run %1 (%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>run %1</source>
        <translation>run %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+1"/>
        <source>(absent)</source>
        <translation>(absent)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+10"/>
        <source>No project is open.</source>
        <translation>No project is open.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rename run</source>
        <translation>Rename run</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of run %1:</source>
        <translation>Name of run %1:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete runs</source>
        <translation>Delete runs</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n run(s) with their metrics, checkpoints and attention snapshots?</source>
        <translation>
            <numerusform>Delete %n run with their metrics, checkpoints and attention snapshots?</numerusform>
            <numerusform>Delete %n runs with their metrics, checkpoints and attention snapshots?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <location filename="../../ui/runs/runstablemodel.cpp" line="+117"/>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LR</source>
        <translation>LR</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best accuracy</source>
        <translation>Best accuracy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Best macro-F1</source>
        <translation>Best macro-F1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid loss</source>
        <translation>Valid loss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>SaliencyRunner</name>
    <message>
        <location filename="../../ui/attention/saliencyrunner.cpp" line="+26"/>
        <source>The worker&apos;s answer is not JSON.</source>
        <translation>The worker&apos;s answer is not JSON.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The worker&apos;s answer has no saliency.</source>
        <translation>The worker&apos;s answer has no saliency.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The saliency does not match the post&apos;s tokens.</source>
        <translation>The saliency does not match the post&apos;s tokens.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The worker&apos;s saliency is malformed: %1</source>
        <translation>The worker&apos;s saliency is malformed: %1</translation>
    </message>
</context>
<context>
    <name>ScatterView</name>
    <message>
        <location filename="../../ui/embeddings/scatterview.cpp" line="+62"/>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Seq2seqExplanation</name>
    <message>
        <location filename="../../ui/sequences/seq2seqexplanation.cpp" line="+26"/>
        <source>The worker&apos;s answer is not JSON.</source>
        <translation>The worker&apos;s answer is not JSON.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The worker&apos;s answer is not a seq2seq beam.</source>
        <translation>The worker&apos;s answer is not a seq2seq beam.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A candidate&apos;s cross-attention does not match the source tokens.</source>
        <translation>A candidate&apos;s cross-attention does not match the source tokens.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A candidate&apos;s cross-attention does not match its decoded tokens.</source>
        <translation>A candidate&apos;s cross-attention does not match its decoded tokens.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The beam returned no candidate.</source>
        <translation>The beam returned no candidate.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The worker&apos;s beam is malformed: %1</source>
        <translation>The worker&apos;s beam is malformed: %1</translation>
    </message>
</context>
<context>
    <name>Seq2seqView</name>
    <message>
        <location filename="../../ui/sequences/seq2seqview.cpp" line="+46"/>
        <source>&amp;Generate</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Typed text</source>
        <translation>Typed text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post by id</source>
        <translation>Post by id</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The id of a stored post (the Data tab&apos;s Id column): its text is the source.</source>
        <translation>The id of a stored post (the Data tab&apos;s Id column): its text is the source.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hypotheses kept by beam search (1: greedy decoding).</source>
        <translation>Hypotheses kept by beam search (1: greedy decoding).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GNMT length penalty alpha: candidates are ranked by log P / ((5 + length) / 6)^alpha; 0 favours short outputs.</source>
        <translation>GNMT length penalty alpha: candidates are ranked by log P / ((5 + length) / 6)^alpha; 0 favours short outputs.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This project has no seq2seq run. Train one in the Models tab with the family seq2seq: source &quot;replies&quot; learns to answer posts from a dataset&apos;s reply threads, source &quot;behaviour&quot; learns users&apos; next actions from an interactions dataset.</source>
        <translation>This project has no seq2seq run. Train one in the Models tab with the family seq2seq: source &quot;replies&quot; learns to answer posts from a dataset&apos;s reply threads, source &quot;behaviour&quot; learns users&apos; next actions from an interactions dataset.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Candidate</source>
        <translation>Candidate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log-probability</source>
        <translation>Log-probability</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log-probability over the length penalty: what the beam ranks by.</source>
        <translation>Log-probability over the length penalty: what the beam ranks by.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoded steps, &lt;eos&gt; included.</source>
        <translation>Decoded steps, &lt;eos&gt; included.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Beam width</source>
        <translation>Beam width</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Length penalty</source>
        <translation>Length penalty</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Seq2seq run</source>
        <translation>Seq2seq run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoding</source>
        <translation>Decoding</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Beam candidates, best first (select one to see its cross-attention)</source>
        <translation>Beam candidates, best first (select one to see its cross-attention)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Run %1: behaviour (next actions) on %2</source>
        <translation>Run %1: behaviour (next actions) on %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Run %1: replies on %2</source>
        <translation>Run %1: replies on %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>behaviour: a user&apos;s latest actions -&gt; their next actions</source>
        <translation>behaviour: a user&apos;s latest actions -&gt; their next actions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>replies: a post&apos;s text -&gt; a reply</source>
        <translation>replies: a post&apos;s text -&gt; a reply</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>as trained (%1)</source>
        <translation>as trained (%1)</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+2"/>
        <source>as trained</source>
        <translation>as trained</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give a source and press Generate.</source>
        <translation>Give a source and press Generate.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Actions, oldest first: kind:item kind:item ... (e.g. view:item-0042 like:item-0042)</source>
        <translation>Actions, oldest first: kind:item kind:item ... (e.g. view:item-0042 like:item-0042)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A post to reply to</source>
        <translation>A post to reply to</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Post %1: %2</source>
        <translation>Post %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No post with id %1.</source>
        <translation>No post with id %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a seq2seq run first.</source>
        <translation>Choose a seq2seq run first.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type the actions to continue, as kind:item kind:item ...</source>
        <translation>Type the actions to continue, as kind:item kind:item ...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a text to generate a reply to.</source>
        <translation>Type a text to generate a reply to.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Generating with run %1…</source>
        <translation>Generating with run %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Source as the run reads it: no tokens (nothing to attend to).</source>
        <translation>Source as the run reads it: no tokens (nothing to attend to).</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Source as the run reads it (%n token(s)): %1</source>
        <translation>
            <numerusform>Source as the run reads it (%n token): %1</numerusform>
            <numerusform>Source as the run reads it (%n tokens): %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no (cut at the maximum length)</source>
        <translation>no (cut at the maximum length)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n candidate(s) from beam width %1, length penalty %2.</source>
        <translation>
            <numerusform>%n candidate from beam width %1, length penalty %2.</numerusform>
            <numerusform>%n candidates from beam width %1, length penalty %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Candidate %1: cross-attention (score %2)</source>
        <translation>Candidate %1: cross-attention (score %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../ui/data/splitdialog.cpp" line="+35"/>
        <source>&amp;Split</source>
        <translation>&amp;Split</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Split dataset</source>
        <translation>Split dataset</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%L2 posts)</source>
        <translation>%1 (%L2 posts)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Random</source>
        <translation>Random</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random, stratified by a label task</source>
        <translation>Random, stratified by a label task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By time (oldest train, newest test)</source>
        <translation>By time (oldest train, newest test)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By user (no author in two parts)</source>
        <translation>By user (no author in two parts)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>optional, e.g. baseline-80-10-10</source>
        <translation>optional, e.g. baseline-80-10-10</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Dataset:</source>
        <translation>&amp;Dataset:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;trategy:</source>
        <translation>S&amp;trategy:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label task:</source>
        <translation>&amp;Label task:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;rain ratio:</source>
        <translation>T&amp;rain ratio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Validation ratio:</source>
        <translation>&amp;Validation ratio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;est ratio:</source>
        <translation>T&amp;est ratio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;eed:</source>
        <translation>S&amp;eed:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Dataset: the project has no dataset to split; import one first.</source>
        <translation>Dataset: the project has no dataset to split; import one first.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Test ratio: the ratios sum to %1, not 1; set the test ratio to %2.</source>
        <translation>Test ratio: the ratios sum to %1, not 1; set the test ratio to %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Train ratio: the ratios sum to %1, not 1; set the train ratio to %2.</source>
        <translation>Train ratio: the ratios sum to %1, not 1; set the train ratio to %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation ratio: the ratios sum to %1, not 1; lower the validation ratio.</source>
        <translation>Validation ratio: the ratios sum to %1, not 1; lower the validation ratio.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Strategy: %1</source>
        <translation>Strategy: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Label task: the dataset has no label task to stratify by; choose another strategy.</source>
        <translation>Label task: the dataset has no label task to stratify by; choose another strategy.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Splitting...</source>
        <translation>Splitting...</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The split was stored, its name not: %1</source>
        <translation>The split was stored, its name not: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Split failed: %1</source>
        <translation>Split failed: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Split %1 stored: train %L2, validation %L3, test %L4 posts.</source>
        <translation>Split %1 stored: train %L2, validation %L3, test %L4 posts.</translation>
    </message>
</context>
<context>
    <name>StackedAreaChart</name>
    <message>
        <location filename="../../ui/analytics/stackedareachart.cpp" line="+99"/>
        <source>bucket</source>
        <translation>bucket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bucket_start</source>
        <translation>bucket_start</translation>
    </message>
</context>
<context>
    <name>StageText</name>
    <message>
        <location filename="../../ui/common/stagetext.cpp" line="+7"/>
        <source>clustering</source>
        <translation>clustering</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counting</source>
        <translation>counting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counting opinion</source>
        <translation>counting opinion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counting terms</source>
        <translation>counting terms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>describing topics</source>
        <translation>describing topics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>embedding posts</source>
        <translation>embedding posts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>encoding posts</source>
        <translation>encoding posts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>estimating k</source>
        <translation>estimating k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>finding bursts</source>
        <translation>finding bursts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forecasting</source>
        <translation>forecasting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading the stored topics</source>
        <translation>loading the stored topics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lsa</source>
        <translation>lsa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>profile</source>
        <translation>profile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sampling topics</source>
        <translation>sampling topics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar users</source>
        <translation>similar users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>storing</source>
        <translation>storing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user vectors</source>
        <translation>user vectors</translation>
    </message>
</context>
<context>
    <name>StoredAnalysesView</name>
    <message>
        <location filename="../../ui/analytics/storedanalysesview.cpp" line="+26"/>
        <source>trends</source>
        <translation>trends</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>opinion</source>
        <translation>opinion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user profile</source>
        <translation>user profile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>topics</source>
        <translation>topics</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename...</source>
        <translation>Rename...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export JSON...</source>
        <translation>Export JSON...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every kind</source>
        <translation>every kind</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+38"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Dataset</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stored (UTC)</source>
        <translation>Stored (UTC)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Results of trends, opinion, profiles and topic runs kept in the project, from this window or chorus-cli. Open one to see it again without recomputing.</source>
        <translation>Results of trends, opinion, profiles and topic runs kept in the project, from this window or chorus-cli. Open one to see it again without recomputing.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Rename analysis</source>
        <translation>Rename analysis</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete analysis</source>
        <translation>Delete analysis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete stored analysis %1?</source>
        <translation>Delete stored analysis %1?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export analysis</source>
        <translation>Export analysis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>profile of user #%1</source>
        <translation>profile of user #%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(every dataset)</source>
        <translation>(every dataset)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n stored analysis(es)</source>
        <translation>
            <numerusform>%n stored analysis</numerusform>
            <numerusform>%n stored analysises</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Deleted analysis %1</source>
        <translation>Deleted analysis %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote analysis %1 to %2</source>
        <translation>Wrote analysis %1 to %2</translation>
    </message>
</context>
<context>
    <name>ThreadAttentionView</name>
    <message>
        <location filename="../../ui/attention/threadattentionview.cpp" line="+49"/>
        <source>Reply thread, oldest first: each post&apos;s share of the post-level attention (bar) and, within each post, the word-level attention (colour).</source>
        <translation>Reply thread, oldest first: each post&apos;s share of the post-level attention (bar) and, within each post, the word-level attention (colour).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;Post %1&lt;/b&gt; (the classified post)</source>
        <translation>&lt;b&gt;Post %1&lt;/b&gt; (the classified post)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post %1</source>
        <translation>Post %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post-level attention %1</source>
        <translation>Post-level attention %1</translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <location filename="../../ui/data/timechart.cpp" line="+25"/>
        <location line="+7"/>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>week</source>
        <translation>week</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>posts per week (UTC, from Monday)</source>
        <translation>posts per week (UTC, from Monday)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>posts per day (UTC)</source>
        <translation>posts per day (UTC)</translation>
    </message>
</context>
<context>
    <name>TokenChip</name>
    <message>
        <location filename="../../ui/attention/tokenchip.cpp" line="+44"/>
        <source>%1
attention weight %2</source>
        <translation>%1
attention weight %2</translation>
    </message>
</context>
<context>
    <name>TokenColouringPanel</name>
    <message>
        <location filename="../../ui/attention/tokencolouringpanel.cpp" line="+17"/>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient × input</source>
        <translation>Gradient × input</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrated gradients</source>
        <translation>Integrated gradients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the token colours show: the attention the model recorded, or how much each token moved the predicted class&apos;s score (saliency, computed by the worker).</source>
        <translation>What the token colours show: the attention the model recorded, or how much each token moved the predicted class&apos;s score (saliency, computed by the worker).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Integrated gradients: intervals of the path from the baseline to the post</source>
        <translation>Integrated gradients: intervals of the path from the baseline to the post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zero embeddings</source>
        <translation>zero embeddings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>padding token</source>
        <translation>padding token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Integrated gradients: the embeddings the path starts from</source>
        <translation>Integrated gradients: the embeddings the path starts from</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour by</source>
        <translation>Colour by</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>average of heads</source>
        <translation>average of heads</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>gradient × input</source>
        <translation>gradient × input</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>integrated gradients</source>
        <translation>integrated gradients</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
%2 %3</source>
        <translation>%1
%2 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (layer %1, average of heads)</source>
        <translation> (layer %1, average of heads)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (layer %1, head %2)</source>
        <translation> (layer %1, head %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
attention weight %2%3</source>
        <translation>%1
attention weight %2%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Self-attention, layer %1, average of heads</source>
        <translation>Self-attention, layer %1, average of heads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-attention, layer %1, head %2</source>
        <translation>Self-attention, layer %1, head %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This post is too long for its per-head matrices to have been recorded; the average of the heads has one.</source>
        <translation>This post is too long for its per-head matrices to have been recorded; the average of the heads has one.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saliency for class &lt;b&gt;%1&lt;/b&gt;: red tokens raise its score, blue ones lower it. Integrated gradients (%2 steps, %3 baseline) add up to the score&apos;s change from the baseline within %4.</source>
        <translation>Saliency for class &lt;b&gt;%1&lt;/b&gt;: red tokens raise its score, blue ones lower it. Integrated gradients (%2 steps, %3 baseline) add up to the score&apos;s change from the baseline within %4.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The explanation has %1 tokens, the recorded attention %2: colours are not shown.</source>
        <translation>The explanation has %1 tokens, the recorded attention %2: colours are not shown.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No saliency: %1</source>
        <translation>No saliency: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saliency needs a project saved to a file.</source>
        <translation>Saliency needs a project saved to a file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Computing the saliency in the background…</source>
        <translation>Computing the saliency in the background…</translation>
    </message>
</context>
<context>
    <name>TopicsView</name>
    <message>
        <location filename="../../ui/analytics/topicsview.cpp" line="+48"/>
        <source>Find topics</source>
        <translation>Find topics</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export table CSV...</source>
        <translation>Export table CSV...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export chart...</source>
        <translation>Export chart...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>k-means on embeddings</source>
        <translation>k-means on embeddings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>density (DBSCAN, outliers allowed)</source>
        <translation>density (DBSCAN, outliers allowed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LDA (Gibbs sampling)</source>
        <translation>LDA (Gibbs sampling)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number of topics; auto picks 2 to 12 by silhouette. Density finds its own number.</source>
        <translation>Number of topics; auto picks 2 to 12 by silhouette. Density finds its own number.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The label task the topics are stored under (one label per post)</source>
        <translation>The label task the topics are stored under (one label per post)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace labels not written by topics</source>
        <translation>Replace labels not written by topics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hour</source>
        <translation>hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>week</source>
        <translation>week</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topics (k)</source>
        <translation>Topics (k)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label task</source>
        <translation>Label task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NPMI</source>
        <translation>NPMI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Top terms</source>
        <translation>Top terms</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Representative posts of the selected topic</source>
        <translation>Representative posts of the selected topic</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Topic sizes over time, per</source>
        <translation>Topic sizes over time, per</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Export topics</source>
        <translation>Export topics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Export chart</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1...</source>
        <translation>%1...</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n topic(s) stored as label task &apos;%1&apos;</source>
        <translation>
            <numerusform>%n topic stored as label task &apos;%1&apos;</numerusform>
            <numerusform>%n topics stored as label task &apos;%1&apos;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing the stored topics of &apos;%1&apos;</source>
        <translation>Showing the stored topics of &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelled; the stored topics are unchanged</source>
        <translation>Cancelled; the stored topics are unchanged</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>LSA (TF-IDF, randomized SVD)</source>
        <translation>LSA (TF-IDF, randomized SVD)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>word vectors of run %1</source>
        <translation>word vectors of run %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Open a project and pick a dataset with posts first</source>
        <translation>Open a project and pick a dataset with posts first</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Reading posts...</source>
        <translation>Reading posts...</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Topics stored as label task &apos;%1&apos;, but not listed as an analysis: %2</source>
        <translation>Topics stored as label task &apos;%1&apos;, but not listed as an analysis: %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Cannot show analysis %1: %2</source>
        <translation>Cannot show analysis %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a topics result</source>
        <translation>it is not a topics result</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stored analysis %1: %2</source>
        <translation>Stored analysis %1: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>label task &apos;%1&apos; now holds another model, so sizes over time are not shown</source>
        <translation>label task &apos;%1&apos; now holds another model, so sizes over time are not shown</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No topics stored under this task yet</source>
        <translation>No topics stored under this task yet</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 topics by %2</source>
        <translation>%1 topics by %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> on %1</source>
        <translation> on %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, mean NPMI %1</source>
        <translation>, mean NPMI %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n post(s) in no topic</source>
        <translation>
            <numerusform>, %n post in no topic</numerusform>
            <numerusform>, %n posts in no topic</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>post %1</source>
        <translation>post %1</translation>
    </message>
</context>
<context>
    <name>TrainingDashboard</name>
    <message>
        <location filename="../../ui/training/trainingdashboard.cpp" line="+54"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log scale</source>
        <translation>Log scale</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>step</source>
        <translation>step</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation metric</source>
        <translation>validation metric</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+129"/>
        <location line="+124"/>
        <source>learning rate</source>
        <translation>learning rate</translation>
    </message>
    <message>
        <location line="-251"/>
        <source>Automatic (CUDA when present)</source>
        <translation>Automatic (CUDA when present)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train the configuration of the Models tab</source>
        <translation>Train the configuration of the Models tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>While paused: run one optimisation step</source>
        <translation>While paused: run one optimisation step</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keep</source>
        <translation>keep</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate from the resumed step on (0: keep the schedule). The change is recorded with the run and shows in its learning-rate curve.</source>
        <translation>Learning rate from the resumed step on (0: keep the schedule). The change is recorded with the run and shows in its learning-rate curve.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smoothing (exponential moving average) of the drawn curves</source>
        <translation>Smoothing (exponential moving average) of the drawn curves</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Learning rate on resume</source>
        <translation>Learning rate on resume</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smoothing</source>
        <translation>Smoothing</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Paused at step %1.</source>
        <translation>Paused at step %1.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No model is configured.</source>
        <translation>No model is configured.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The configuration is not valid: %1</source>
        <translation>The configuration is not valid: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open a project first.</source>
        <translation>Open a project first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A run is already training.</source>
        <translation>A run is already training.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Starting the worker...</source>
        <translation>Starting the worker...</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resuming with learning rate %1 from step %2.</source>
        <translation>Resuming with learning rate %1 from step %2.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Run %1 is training on %2.</source>
        <translation>Run %1 is training on %2.</translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+125"/>
        <source>train loss</source>
        <translation>train loss</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+134"/>
        <source>valid loss</source>
        <translation>valid loss</translation>
    </message>
    <message>
        <location line="-129"/>
        <location line="+131"/>
        <source>valid %1</source>
        <translation>valid %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Run %1 %2 after %3 steps.</source>
        <translation>Run %1 %2 after %3 steps.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Test accuracy %1, macro-F1 %2.</source>
        <translation> Test accuracy %1, macro-F1 %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run %1 failed: %2</source>
        <translation>Run %1 failed: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training failed: %1</source>
        <translation>Training failed: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Run %1 (%2), the project&apos;s latest, as it recorded its curves. Press Start for a new run.</source>
        <translation>Run %1 (%2), the project&apos;s latest, as it recorded its curves. Press Start for a new run.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No run yet: choose a model and its settings on the Models tab, then press Start.</source>
        <translation>No run yet: choose a model and its settings on the Models tab, then press Start.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>run %1</source>
        <translation>run %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step %1 / %2 (epoch %3)</source>
        <translation>step %1 / %2 (epoch %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 samples/s</source>
        <translation>%1 samples/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elapsed %1</source>
        <translation>elapsed %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ETA %1</source>
        <translation>ETA %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lr %1</source>
        <translation>lr %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>memory %1</source>
        <translation>memory %1</translation>
    </message>
</context>
<context>
    <name>TrendsView</name>
    <message>
        <location filename="../../ui/analytics/trendsview.cpp" line="+45"/>
        <source>Show trends</source>
        <translation>Show trends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export chart...</source>
        <translation>Export chart...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export bursts CSV...</source>
        <translation>Export bursts CSV...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hashtags</source>
        <translation>hashtags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>terms</source>
        <translation>terms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>label task values</source>
        <translation>label task values</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hour</source>
        <translation>hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>week</source>
        <translation>week</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>per</source>
        <translation>per</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>top</source>
        <translation>top</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Intensity</source>
        <translation>Intensity</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bursts (Kleinberg)</source>
        <translation>Bursts (Kleinberg)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Most engaging posts of the selected burst</source>
        <translation>Most engaging posts of the selected burst</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export trends</source>
        <translation>Export trends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PNG (*.png);;SVG (*.svg);;PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Cannot write %1</source>
        <translation>Cannot write %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Export bursts</source>
        <translation>Export bursts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1...</source>
        <translation>%1...</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (not stored: %2)</source>
        <translation>%1 (not stored: %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Open a project first</source>
        <translation>Open a project first</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pick a label task to count</source>
        <translation>Pick a label task to count</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counting...</source>
        <translation>Counting...</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot show analysis %1: %2</source>
        <translation>Cannot show analysis %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a trends result</source>
        <translation>it is not a trends result</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stored analysis %1: %2</source>
        <translation>Stored analysis %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>%n key(s) over %1 buckets, %2 burst(s)</source>
        <translation>
            <numerusform>%n key over %1 buckets, %2 burst(s)</numerusform>
            <numerusform>%n keys over %1 buckets, %2 burst(s)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>[engagement %1] %2  %3</source>
        <translation>[engagement %1] %2  %3</translation>
    </message>
</context>
<context>
    <name>UserProfileView</name>
    <message>
        <location filename="../../ui/analytics/userprofileview.cpp" line="-42"/>
        <source>users with a similar history have it</source>
        <translation>users with a similar history have it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>similar to items this user interacted with</source>
        <translation>similar to items this user interacted with</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>shares terms: %1</source>
        <translation>shares terms: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>popular: %n user(s)</source>
        <translation>
            <numerusform>popular: %n user</numerusform>
            <numerusform>popular: %n users</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Show profile</source>
        <translation>Show profile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Privacy: pseudonyms only</source>
        <translation>Privacy: pseudonyms only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export features CSV...</source>
        <translation>Export features CSV...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show in projector</source>
        <translation>Show in projector</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The dataset&apos;s users as points in the embedding projector (their TF-IDF vectors reduced by LSA), with this user selected</source>
        <translation>The dataset&apos;s users as points in the embedding projector (their TF-IDF vectors reduced by LSA), with this user selected</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>user: source id, name, pseudonym or number</source>
        <translation>user: source id, name, pseudonym or number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Likes</source>
        <translation>Likes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shares</source>
        <translation>Shares</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>hour</source>
        <translation>hour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day</source>
        <translation>day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>week</source>
        <translation>week</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label tasks summarised in the profile and written as feature columns (none checked: every task in the profile, none in the features)</source>
        <translation>Label tasks summarised in the profile and written as feature columns (none checked: every task in the profile, none in the features)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+1"/>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>activity per</source>
        <translation>activity per</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels of the user&apos;s posts</source>
        <translation>Labels of the user&apos;s posts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest posts</source>
        <translation>Newest posts</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Writes most alike (click to open)</source>
        <translation>Writes most alike (click to open)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recommended next (newest recommender run)</source>
        <translation>Recommended next (newest recommender run)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label tasks</source>
        <translation>Label tasks</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Export user features</source>
        <translation>Export user features</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+221"/>
        <source>Characteristic terms: %1</source>
        <translation>Characteristic terms: %1</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>Not stored: %1</source>
        <translation>Not stored: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Wrote %n user(s) to %1</source>
        <translation>
            <numerusform>Wrote %n user to %1</numerusform>
            <numerusform>Wrote %n users to %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+213"/>
        <source>Open a project first</source>
        <translation>Open a project first</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>Profiling...</source>
        <translation>Profiling...</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cannot show analysis %1: %2</source>
        <translation>Cannot show analysis %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it is not a profile</source>
        <translation>it is not a profile</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Stored analysis %1</source>
        <translation>Stored analysis %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored analysis %1: %2</source>
        <translation>Stored analysis %1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pick a user to see their profile</source>
        <translation>Pick a user to see their profile</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%1 (#%2): %n post(s)</source>
        <translation>
            <numerusform>%1 (#%2): %n post</numerusform>
            <numerusform>%1 (#%2): %n posts</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first post %1, last post %2</source>
        <translation>first post %1, last post %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received %1 likes, %2 shares, %3 replies (per post %4, %5, %6)</source>
        <translation>received %1 likes, %2 shares, %3 replies (per post %4, %5, %6)</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Writing user features...</source>
        <translation>Writing user features...</translation>
    </message>
</context>
<context>
    <name>VideoStrip</name>
    <message>
        <location filename="../../ui/data/videostrip.cpp" line="+111"/>
        <source>Reading the clip&apos;s frames…</source>
        <translation>Reading the clip&apos;s frames…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot show the clip&apos;s frames: %1</source>
        <translation>Cannot show the clip&apos;s frames: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n frame(s) spread over %1 s</source>
        <translation>
            <numerusform>%n frame spread over %1 s</numerusform>
            <numerusform>%n frames spread over %1 s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkerProcess</name>
    <message>
        <location filename="../../ui/training/workerprocess.cpp" line="+61"/>
        <source>the workbench closed while the run was training</source>
        <translation>the workbench closed while the run was training</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a run is already training</source>
        <translation>a run is already training</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot write the run config: %1</source>
        <translation>cannot write the run config: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>cannot start the worker %1: %2</source>
        <translation>cannot start the worker %1: %2</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>the worker crashed</source>
        <translation>the worker crashed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the worker exited with code %1 without finishing the run</source>
        <translation>the worker exited with code %1 without finishing the run</translation>
    </message>
</context>
<context>
    <name>WorkerRequest</name>
    <message>
        <location filename="../../ui/common/workerrequest.cpp" line="+13"/>
        <source>the worker ended with code %1: %2</source>
        <translation>the worker ended with code %1: %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>cannot start %1: %2</source>
        <translation>cannot start %1: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+49"/>
        <source>Chorus: a deep-learning workbench for social-media data</source>
        <translation>Chorus: a deep-learning workbench for social-media data</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Project file (*.chorus); the demo project when omitted.</source>
        <translation>Project file (*.chorus); the demo project when omitted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Render the window to FILE (PNG) once shown, then quit.</source>
        <translation>Render the window to FILE (PNG) once shown, then quit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Render every tab of the window to DIR/NN-tab.png (the newest finished run selected), then quit.</source>
        <translation>Render every tab of the window to DIR/NN-tab.png (the newest finished run selected), then quit.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Cannot open project</source>
        <translation>Cannot open project</translation>
    </message>
</context>
</TS>
